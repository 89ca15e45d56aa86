export { publicAddressesOnly, publicAnd, isPublicAddress, type AddressPolicy, type AddressTarget } from './addressPolicy';
export { fetchImage, checkImageUrl, IMAGE_FETCH_DEFAULTS, type FetchedImage, type ImageFetchOptions } from './fetchImage';
export { createImageProxy, answerMediaRequest, type ImageProxy, type ImageProxyOptions, type MediaAnswer } from './imageProxy';
export { ImageRefusedError, statusForRefusal, type ImageRefusal } from './imageRefused';
