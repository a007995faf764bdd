/** Theme and code ids: lower-case words joined by single hyphens (`covid-19`, `data-support`). */
export const CODEBOOK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Annotation ids: stable within a file; no spaces or `#`, so `path#id` citations stay unambiguous. */
export const ANNOTATION_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
