import { Avatar, Button, Checkbox, FileButton, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoto } from '@tabler/icons-react';
import type { BoundaryFlag } from '../../../../shared/domain/boundaries';
import { PersonAvatar } from '../../ui/PersonAvatar';
import { useBookWrite } from '../relationships/queries';
import { usePhoto } from './queries';

/** Reads an image and makes it small (at most 320 px, JPEG) before it is stored in the book. */
export async function shrinkImage(file: Blob): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, 320 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.85);
}

/** The avatar of a person page: their photo when there is one; add from a file or by pasting, remove, and whether badges print it. */
export function PhotoControl({ personId, name, flags }: { personId: number; name: string; flags: BoundaryFlag[] }) {
  const photo = usePhoto(personId).data?.photo ?? null;
  const set = useBookWrite('photos.set');
  const remove = useBookWrite('photos.remove');
  const onBadges = useBookWrite('photos.setOnBadges');
  const noBadgePhoto = flags.includes('no_photos_on_badges');
  const failed = (e: Error) => notifications.show({ color: 'red', title: 'Photo not kept', message: e.message });
  const keep = async (file: Blob | null) => {
    if (!file) return;
    try {
      set.mutate({ personId, data: await shrinkImage(file), onBadges: photo?.onBadges ?? false }, { onError: failed });
    } catch {
      failed(new Error('This file is not an image Rapport can read.'));
    }
  };
  return (
    <Stack
      gap={4}
      align="center"
      tabIndex={0}
      aria-label={`Photo of ${name}: paste an image here, or choose a file`}
      onPaste={(e) => {
        const item = [...e.clipboardData.items].find((i) => i.type.startsWith('image/'));
        if (item) void keep(item.getAsFile());
      }}
    >
      {photo ? <Avatar src={photo.url} size="xl" radius="xl" alt={`Photo of ${name}`} /> : <PersonAvatar name={name} size="xl" />}
      <Group gap={4} wrap="nowrap">
        <FileButton onChange={(f) => void keep(f)} accept="image/png,image/jpeg,image/webp,image/gif">
          {(props) => (
            <Button {...props} size="compact-xs" variant="subtle" leftSection={<IconPhoto size={12} aria-hidden />}>
              {photo ? 'Change photo' : 'Add photo'}
            </Button>
          )}
        </FileButton>
        {photo ? (
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => remove.mutate({ personId })}>
            Remove photo
          </Button>
        ) : null}
      </Group>
      {photo ? (
        noBadgePhoto ? (
          <Text size="xs" c="dimmed">
            Never on badges (their boundary)
          </Text>
        ) : (
          <Checkbox size="xs" label="On badges" checked={photo.onBadges} onChange={(e) => onBadges.mutate({ personId, onBadges: e.currentTarget.checked })} />
        )
      ) : null}
    </Stack>
  );
}
