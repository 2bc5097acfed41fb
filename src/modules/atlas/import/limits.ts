/**
 * Atlas imports take larger files than other forms: an IATI activity file (read as a stream) or a
 * CSV/XLSX table of at most IMPORT_FILE_LIMIT; the body may add a multipart envelope around it
 * (declared as the import routes' body limit in the manifest).
 */
export const IMPORT_FILE_LIMIT = 50 * 1024 * 1024;
export const IMPORT_BODY_LIMIT = IMPORT_FILE_LIMIT + 1024 * 1024;
