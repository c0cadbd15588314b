/** The written evaluation report as data, and its charts as SVG: pure, for every renderer. */
export * from './model';
export * from './labels';
export * from './notes';
export * from './build';
export * from './svg';
export * from './projectStatus';
