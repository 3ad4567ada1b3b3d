export function electronExecutable(): string | null;
export function downloadElectron(timeoutMs?: number): boolean;
