/** Vite's `?url` imports: the URL of a file the build emits (pdfjs's worker). */
declare module '*?url' {
  const url: string;
  export default url;
}
