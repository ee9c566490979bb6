export {
  type AttachmentRecord,
  attachmentById,
  attachmentBytes,
  attachmentsToSend,
  attachmentUrl,
  bindAttachments,
  type CarriedAttachment,
  forgetAttachmentsOf,
  storeAttachment,
  type Uploader,
} from './attachments.ts';
export { attachmentRefusal, nameForType, sniffAttachment } from './fileTypes.ts';
export { cleanFileName, IMAGE_MAX_BYTES, imageRefusal, sniffImage } from './images.ts';
export {
  putReceivedFile,
  type ReceivedFile,
  receivedFileName,
  recordReceivedFiles,
  UNRECOGNISED_TYPE,
} from './receivedFiles.ts';
export { fileRoutes } from './routes.ts';
export { sendStoredFile } from './servedFile.ts';
export {
  discardServedFile,
  type FetchingServices,
  fetchImage,
  fileKeyIn,
  filePath,
  type IncomingImage,
  letGoOfBytes,
  type StoredImage,
  storeImage,
} from './storedFiles.ts';
export { UNSENT_UPLOAD, UNSENT_UPLOAD_HOURS, unsentUploadHandler } from './unsentUploads.ts';
export { acceptFileUploads, acceptImageUploads, uploadedBytes, uploadedFile } from './uploads.ts';
