/** The methodology engine: pure functions from plain inputs to lights, figures and warnings. */
export * from './types';
export * from './profile';
export * from './profileVersion';
export * from './rounding';
export * from './goals';
export * from './goalFigures';
export * from './implementation';
export * from './effect';
export * from './progress';
export * from './budget';
export * from './survey';
export * from './evaluate';
export * from './pool';
export * from './indicators';
export * from './reportDates';
export * from './legend';
