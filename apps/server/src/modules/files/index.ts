export { cleanFileName, IMAGE_MAX_BYTES, imageRefusal, sniffImage } from './images.ts';
export { fileRoutes } from './routes.ts';
export {
  discardServedFile,
  type FetchingServices,
  fetchImage,
  fileKeyIn,
  filePath,
  type IncomingImage,
  type StoredImage,
  storeImage,
} from './storedFiles.ts';
export { acceptImageUploads, uploadedBytes } from './uploads.ts';
