/**
 * Uploaded photos lose their metadata before they are stored: a phone photo's EXIF carries the GPS position where it
 * was taken (a customer's home, a worker's), the camera's serial number and the time. Every image stored through
 * `storeUpload` (`files.ts`) passes here. The image is decoded and written again by sharp (libvips), which keeps no
 * EXIF, XMP, IPTC, comments or PNG text chunks; the EXIF orientation is applied to the pixels first, so a portrait
 * photo still stands upright without the tag. Colours are converted to sRGB (the embedded ICC profile goes too).
 * JPEG and WebP are re-encoded at quality 90, PNG losslessly; an animated WebP keeps its frames.
 */
import sharp from 'sharp';
import { AppError } from './errors.js';

/** Larger images are refused before decoding (a decompression bomb): 60 megapixels is past any phone camera. */
export const MAX_IMAGE_PIXELS = 60_000_000;
const QUALITY = 90;

export const STRIPPABLE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/**
 * The image again without metadata, in the same format. An image that cannot be decoded (a valid signature over
 * broken data) is refused with `IMAGE_UNREADABLE` (422), so nothing unreadable is stored.
 */
export async function stripImageMetadata(bytes: Buffer, mime: string): Promise<Buffer> {
  if (!(STRIPPABLE_TYPES as readonly string[]).includes(mime)) return bytes;
  try {
    const animated = mime === 'image/webp';
    const meta = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS, animated }).metadata();
    let image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS, animated: animated && (meta.pages ?? 1) > 1 });
    if ((meta.pages ?? 1) === 1) image = image.rotate(); // applies the EXIF orientation to the pixels
    if (mime === 'image/jpeg') image = image.jpeg({ quality: QUALITY });
    else if (mime === 'image/png') image = image.png();
    else image = image.webp({ quality: QUALITY });
    return await image.toBuffer(); // sharp writes no metadata unless asked to (withMetadata / keepExif)
  } catch {
    throw new AppError('IMAGE_UNREADABLE');
  }
}
