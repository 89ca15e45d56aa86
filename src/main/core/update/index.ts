export { signManifest, verifyManifest, parseSignature, ManifestSignatureError, type ManifestBytes } from './manifestSignature';
export { parseUpdateManifest, isSameRelease, manifestFileName, UpdateManifestError, type UpdateManifest, type OfferedRelease } from './updateManifest';
export { SignedUpdateFeed, UpdateRefusedError, type UpdateRefusalReason, type VerifiedUpdate, type SignedUpdateFeedOptions } from './signedUpdateFeed';
export { parseAppUpdateConfig, type AppUpdateConfig } from './appUpdateConfig';
