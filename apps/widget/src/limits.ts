/** The server's default body limit (`MESSAGE_MAX_LENGTH_DEFAULT` in @warmline/shared), copied so zod stays out of the bundle. */
export const MESSAGE_MAX_LENGTH_DEFAULT = 10_000;
