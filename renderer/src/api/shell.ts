/**
 * What only the desktop shell can do. In station mode the browser's own print dialog stands in
 * ("Save as PDF" is one of its destinations).
 */
export async function saveAsPdf(suggestedName: string): Promise<'saved' | 'cancelled' | 'print-dialog'> {
  const bridge = window.rapport;
  if (!bridge) {
    window.print();
    return 'print-dialog';
  }
  const result = await bridge.savePdf(suggestedName);
  return result.saved ? 'saved' : 'cancelled';
}
