import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { stripImageMetadata } from './image-metadata.js';

/** The tags of a TIFF IFD (EXIF is a small TIFF): tag number → value/offset, read independently of sharp. */
function ifdTags(tiff: Buffer, offset: number): Map<number, number> {
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const tags = new Map<number, number>();
  const n = u16(offset);
  for (let i = 0; i < n; i++) tags.set(u16(offset + 2 + i * 12), u32(offset + 2 + i * 12 + 8));
  return tags;
}
const GPS_IFD_POINTER = 0x8825;
const GPS_LATITUDE = 0x0002;

/** The GPS tags of an EXIF block as sharp reports it (["Exif\0\0"] + TIFF), or null when there is none. */
function gpsTags(exif: Buffer | undefined): Map<number, number> | null {
  if (!exif) return null;
  const header = exif.indexOf('Exif\0\0', 0, 'latin1'); // JPEG and WebP keep the header, PNG's eXIf chunk does not
  const tiff = header === -1 ? exif : exif.subarray(header + 6);
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const ifd0 = ifdTags(tiff, le ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4));
  const gps = ifd0.get(GPS_IFD_POINTER);
  return gps === undefined ? null : ifdTags(tiff, gps);
}

/** Every JPEG marker segment before the image data (APP1 = 0xE1 holds EXIF and XMP). */
function jpegMarkers(bytes: Buffer): number[] {
  const markers: number[] = [];
  let o = 2;
  while (o < bytes.length && bytes[o] === 0xff) {
    const marker = bytes[o + 1]!;
    markers.push(marker);
    if (marker === 0xda) break; // start of scan: image data follows
    o += 2 + bytes.readUInt16BE(o + 2);
  }
  return markers;
}

const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '31/1 11/1 2400/100', GPSLongitudeRef: 'E', GPSLongitude: '121/1 26/1 3000/100' };

/** A real JPEG photo with a camera make, a GPS position (徐汇区) and, optionally, orientation 6 (taken turned right). */
async function photoWithGps(orientation?: number) {
  let img = sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 60, b: 40 } } }).jpeg({ quality: 95 });
  img = img.withExif({ IFD0: { Make: 'DaojiaCam', Model: 'Phone 15' }, IFD3: GPS });
  if (orientation) img = img.withMetadata({ orientation });
  return img.toBuffer();
}

describe('stripImageMetadata', () => {
  it('removes GPS and all other EXIF from a JPEG, which still decodes as the same picture', async () => {
    const original = await photoWithGps();
    // The fixture really carries a position: the EXIF's IFD0 points at a GPS IFD holding the latitude.
    const before = await sharp(original).metadata();
    expect(gpsTags(before.exif)?.has(GPS_LATITUDE)).toBe(true);
    expect(original.includes(Buffer.from('DaojiaCam'))).toBe(true);
    expect(jpegMarkers(original)).toContain(0xe1);

    const stripped = await stripImageMetadata(original, 'image/jpeg');
    expect(jpegMarkers(stripped)).not.toContain(0xe1); // no APP1: no EXIF, no XMP
    expect(stripped.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    expect(stripped.includes(Buffer.from('DaojiaCam'))).toBe(false);
    const after = await sharp(stripped).metadata();
    expect(after.exif).toBeUndefined();
    expect(gpsTags(after.exif)).toBeNull();
    expect([after.format, after.width, after.height]).toEqual(['jpeg', 40, 20]);
    // Still the same picture: decoding gives the red-orange fill within JPEG's rounding.
    const { data } = await sharp(stripped).raw().toBuffer({ resolveWithObject: true });
    expect(Math.abs(data[0]! - 200)).toBeLessThan(8);
    expect(Math.abs(data[1]! - 60)).toBeLessThan(8);
    // Content sniffing, as the upload does it, still recognises a JPEG.
    expect((await fileTypeFromBuffer(stripped))?.mime).toBe('image/jpeg');
  });

  it('turns the pixels by the EXIF orientation before dropping the tag, so a portrait photo stays upright', async () => {
    const original = await photoWithGps(6);
    expect((await sharp(original).metadata()).orientation).toBe(6);
    const after = await sharp(await stripImageMetadata(original, 'image/jpeg')).metadata();
    expect(after.orientation).toBeUndefined();
    expect([after.width, after.height]).toEqual([20, 40]);
  });

  it('removes EXIF and text chunks from PNG and EXIF from WebP', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 128, b: 255, alpha: 1 } } }).png()
      .withExif({ IFD0: { Make: 'DaojiaCam' }, IFD3: GPS }).toBuffer();
    expect(gpsTags((await sharp(png).metadata()).exif)?.has(GPS_LATITUDE)).toBe(true);
    const cleanPng = await stripImageMetadata(png, 'image/png');
    expect((await sharp(cleanPng).metadata()).exif).toBeUndefined();
    expect(cleanPng.includes(Buffer.from('eXIf'))).toBe(false);
    expect(cleanPng.includes(Buffer.from('DaojiaCam'))).toBe(false);
    expect((await fileTypeFromBuffer(cleanPng))?.mime).toBe('image/png');

    const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 10, g: 200, b: 10 } } }).webp()
      .withExif({ IFD0: { Make: 'DaojiaCam' }, IFD3: GPS }).toBuffer();
    expect(gpsTags((await sharp(webp).metadata()).exif)?.has(GPS_LATITUDE)).toBe(true);
    const cleanWebp = await stripImageMetadata(webp, 'image/webp');
    expect((await sharp(cleanWebp).metadata()).exif).toBeUndefined();
    expect(cleanWebp.includes(Buffer.from('EXIF'))).toBe(false);
    expect((await fileTypeFromBuffer(cleanWebp))?.mime).toBe('image/webp');
    expect((await sharp(cleanWebp).metadata()).width).toBe(8);
  });

  it('refuses a file with an image signature over broken data (422 IMAGE_UNREADABLE) and leaves other types alone', async () => {
    const broken = Buffer.concat([(await photoWithGps()).subarray(0, 200), Buffer.alloc(64, 7)]);
    await expect(stripImageMetadata(broken, 'image/jpeg')).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'IMAGE_UNREADABLE');
    const pdf = Buffer.from('%PDF-1.4\n%fake\n');
    expect(await stripImageMetadata(pdf, 'application/pdf')).toBe(pdf);
  });
});
