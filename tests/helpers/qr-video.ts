import fs from 'node:fs';
import QRCode from 'qrcode';

/**
 * A video of a QR code for Chromium's fake camera (`--use-file-for-fake-video-capture`), made here
 * from the qrcode package's module matrix: Y4M is a one-line text header and then raw frames, each
 * "FRAME\n" and the I420 planes (luma at full size, then the two chroma planes at half width and
 * half height). Black modules on white with the standard four-module quiet zone, centred.
 */
export function writeQrVideo(file: string, text: string, options: { width?: number; height?: number; frames?: number; moduleSize?: number } = {}): void {
  const { width = 640, height = 480, frames = 10, moduleSize = 8 } = options;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  const side = (size + 2 * quiet) * moduleSize;
  if (side > Math.min(width, height)) throw new Error(`A ${size}-module code at ${moduleSize} px does not fit ${width}×${height}.`);
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  // Video-range luma: 16 is black, 235 white; chroma 128 is no colour.
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < side; y++) {
    const row = Math.floor(y / moduleSize) - quiet;
    for (let x = 0; x < side; x++) {
      const col = Math.floor(x / moduleSize) - quiet;
      const dark = row >= 0 && col >= 0 && row < size && col < size && Boolean(qr.modules.get(row, col));
      if (dark) luma[(top + y) * width + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  fs.writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
