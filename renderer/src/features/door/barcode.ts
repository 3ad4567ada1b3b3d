import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/**
 * Ticket codes read from a camera frame or a photo. Chromium on Linux and Windows has no native
 * BarcodeDetector, so the ZXing build (zxing-wasm, through barcode-detector's ponyfill) does the
 * reading — its .wasm served by Rapport itself, never fetched from a CDN.
 */
/** Where the decoder's .wasm is served (the door's service worker keeps it for offline scanning). */
export const ZXING_WASM_URL: string = wasmUrl;

prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) } });

/** QR codes on badges and confirmations, and the 1D / 2D codes of platform tickets. */
const FORMATS = ['qr_code', 'code_128', 'code_39', 'ean_13', 'itf', 'pdf417', 'aztec', 'data_matrix'] as const;

let detector: BarcodeDetector | null = null;

export async function readCodes(source: ImageBitmapSource): Promise<string[]> {
  detector ??= new BarcodeDetector({ formats: [...FORMATS] });
  const found = await detector.detect(source);
  return found.map((b) => b.rawValue).filter((v) => v.trim().length > 0);
}
