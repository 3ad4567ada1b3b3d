import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from 'react-router';
import type { Seminar, SeminarData } from '../../../../shared/domain/seminar';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { StaleCopyAlert } from '../../ui/StaleCopyAlert';
import { useVersionedCopy } from '../../ui/useVersionedSave';
import { localTimeZone, SeminarForm } from './SeminarForm';
import { useCreateSeminar, useSeminar, useUpdateSeminar } from './queries';

function editable(s: Seminar): SeminarData {
  const { title, description, date, startTime, endTime, timeZone, venueName, venueAddress, streamUrl, capacity } = s;
  return { title, description, date, startTime, endTime, timeZone, venueName, venueAddress, streamUrl, capacity };
}

function nextWeek(): string {
  const d = new Date(Date.now() + 7 * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function SeminarNewScreen() {
  const navigate = useNavigate();
  const save = useCreateSeminar();
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <PageHeader title="New seminar" />
      <SeminarForm
        initial={{
          title: '',
          description: '',
          date: nextWeek(),
          startTime: '09:00',
          endTime: '12:00',
          timeZone: localTimeZone(),
          venueName: '',
          venueAddress: '',
          streamUrl: '',
          capacity: null,
        }}
        submitLabel="Create seminar"
        saving={save.isPending}
        onCancel={() => navigate(-1)}
        onSubmit={async (values) => {
          const seminar = await save.mutateAsync(values);
          notifications.show({ color: 'teal', message: `“${seminar.title}” is planned.` });
          navigate(`/seminars/${seminar.id}`, { replace: true });
        }}
      />
    </div>
  );
}

export function SeminarEditScreen() {
  const id = Number(useParams().id);
  const seminar = useSeminar(id);
  if (seminar.isPending) return <LoadingScreen />;
  if (seminar.isError) return <NotFound title="This seminar is not in your book" error={seminar.error} retry={() => seminar.refetch()} back={{ to: '/seminars', label: 'Back to Seminars' }} />;
  return <SeminarEditor seminar={seminar.data} reload={async () => (await seminar.refetch()).data} />;
}

/** Edits the seminar as it was when editing started; a save on a copy someone changed since offers the choice. */
function SeminarEditor({ seminar, reload }: { seminar: Seminar; reload: () => Promise<Seminar | undefined> }) {
  const navigate = useNavigate();
  const save = useUpdateSeminar(seminar.id);
  const versioned = useVersionedCopy(seminar, reload);
  const { copy, reloading, reloadLatest } = versioned;
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <PageHeader title={`Edit ${copy.title}`} />
      <SeminarForm
        key={copy.version}
        initial={editable(copy)}
        submitLabel="Save changes"
        saving={save.isPending}
        onCancel={() => navigate(-1)}
        notice={versioned.stale ? <StaleCopyAlert stale={versioned.stale} onReload={reloadLatest} onOverwrite={versioned.overwrite} reloading={reloading} /> : null}
        onSubmit={async (values) => {
          const saved = await versioned.save((version) => save.mutateAsync({ ...values, version }));
          if (!saved) return;
          notifications.show({ color: 'teal', message: 'Changes saved.' });
          navigate(`/seminars/${seminar.id}`, { replace: true });
        }}
      />
    </div>
  );
}
