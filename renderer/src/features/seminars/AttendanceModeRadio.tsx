import { Group, Radio } from '@mantine/core';
import type { AttendanceMode } from '../../../../shared/domain/seminar';

export function AttendanceModeRadio({ value, onChange }: { value: AttendanceMode; onChange: (mode: AttendanceMode) => void }) {
  return (
    <Radio.Group label="Attending" value={value} onChange={(v) => onChange(v as AttendanceMode)}>
      <Group mt={4}>
        <Radio value="in_person" label="In person" />
        <Radio value="stream" label="Live stream" />
      </Group>
    </Radio.Group>
  );
}
