import { Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconCamera, IconPhoto } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { readCodes } from './barcode';

/** How often a frame is read: fast enough to feel instant, slow enough to leave the phone cool. */
const FRAME_MS = 150;
/**
 * The same code seen again within this time of its last sighting is the same ticket still in front
 * of the camera: a ticket held there for a minute is read once, not again every few seconds.
 */
const SAME_CODE_MS = 4000;

/**
 * The rear camera with a live preview; every code it reads is handed to `onCode` once (a ticket
 * held in front of the lens is not read ten times). Where the camera cannot be opened (no
 * permission, no camera, an insecure page), a photo of the ticket does the same.
 */
export function CameraScanner({ onCode, active = true }: { onCode: (code: string) => void; active?: boolean }) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const last = useRef<{ code: string; at: number } | null>(null);
  const handler = useRef(onCode);
  handler.current = onCode;

  const deliver = (codes: string[]) => {
    const code = codes[0];
    if (!code) return false;
    const now = Date.now();
    const again = last.current?.code === code && now - last.current.at < SAME_CODE_MS;
    last.current = { code, at: now };
    if (again) return true;
    navigator.vibrate?.(60);
    handler.current(code);
    return true;
  };

  useEffect(() => {
    if (!active) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const tick = async () => {
      const v = video.current;
      if (stopped || !v) return;
      if (v.readyState >= 2) {
        try {
          deliver(await readCodes(v));
        } catch {
          // A frame that cannot be read (still starting): the next one will.
        }
      }
      if (!stopped) timer = window.setTimeout(() => void tick(), FRAME_MS);
    };
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem('This browser cannot open the camera here. Take a photo of the ticket instead.');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
        if (stopped) return;
        const v = video.current;
        if (!v) return;
        v.srcObject = stream;
        await v.play();
        setReading(true);
        void tick();
      } catch (error) {
        setProblem(
          (error as Error).name === 'NotAllowedError'
            ? 'The camera was not allowed. Allow it in the browser, or take a photo of the ticket instead.'
            : 'The camera could not be opened. Take a photo of the ticket instead.',
        );
      }
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
      setReading(false);
    };
  }, [active]);

  const fromPhoto = async (file: File | null) => {
    if (!file) return;
    try {
      const found = deliver(await readCodes(await createImageBitmap(file)));
      setProblem(found ? null : 'No ticket code could be read in that photo. Hold the code flat and close, and try again.');
    } catch {
      setProblem('That photo could not be read. Try again.');
    }
  };

  return (
    <Stack gap="xs" className="camera-scanner">
      <div className="camera-frame">
        <video ref={video} muted playsInline aria-label="Camera preview" />
        {reading ? <div className="camera-aim" aria-hidden /> : null}
      </div>
      <Text size="sm" c="dimmed" role="status" aria-label="Scanner">
        {reading ? 'Hold the ticket’s code inside the frame.' : problem ? '' : 'Opening the camera…'}
      </Text>
      {problem ? (
        <Alert color="yellow" icon={<IconCamera aria-hidden />} py="xs">
          {problem}
        </Alert>
      ) : null}
      <Group>
        <FileButton onChange={(f) => void fromPhoto(f)} accept="image/*" capture="environment">
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconPhoto size={16} aria-hidden />}>
              Take a photo of the ticket
            </Button>
          )}
        </FileButton>
      </Group>
    </Stack>
  );
}
