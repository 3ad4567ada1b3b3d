import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from 'react-router';
import { emptyPersonInput, type Person, type PersonData } from '../../../../shared/domain/person';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { PageHeader } from '../../ui/PageHeader';
import { NotFound } from '../../ui/NotFound';
import { StaleCopyAlert } from '../../ui/StaleCopyAlert';
import { useVersionedCopy } from '../../ui/useVersionedSave';
import { PersonForm } from './PersonForm';
import { useCreatePerson, usePerson, useUpdatePerson } from './queries';

function editable(p: Person): PersonData {
  const { id: _id, name: _name, createdAt: _c, updatedAt: _u, version: _v, ...data } = p;
  return data;
}

export function PersonNewScreen() {
  const navigate = useNavigate();
  const create = useCreatePerson();
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <PageHeader title="New person" />
      <PersonForm
        initial={{ ...emptyPersonInput(), emails: [{ label: 'Work', address: '' }], phones: [{ label: 'Mobile', number: '', kinds: ['mobile'] }] }}
        submitLabel="Save person"
        saving={create.isPending}
        onCancel={() => navigate(-1)}
        onSubmit={async (values) => {
          const person = await create.mutateAsync(dropBlankLines(values));
          notifications.show({ color: 'teal', message: `${person.name} was added to your book.` });
          navigate(`/people/${person.id}`, { replace: true });
        }}
      />
    </div>
  );
}

export function PersonEditScreen() {
  const id = Number(useParams().id);
  const person = usePerson(id);
  if (person.isPending) return <LoadingScreen />;
  if (person.isError) return <NotFound title="This person is not in your book" error={person.error} retry={() => person.refetch()} back={{ to: '/people', label: 'Back to People' }} />;
  return <PersonEditor person={person.data} reload={async () => (await person.refetch()).data} />;
}

/** Edits the person as they were when editing started; a refetch in the background does not move the copy. */
function PersonEditor({ person, reload }: { person: Person; reload: () => Promise<Person | undefined> }) {
  const navigate = useNavigate();
  const update = useUpdatePerson(person.id);
  const versioned = useVersionedCopy(person, reload);
  const { copy, reloading, reloadLatest } = versioned;
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <PageHeader title={`Edit ${copy.name}`} />
      <PersonForm
        key={copy.version}
        initial={editable(copy)}
        submitLabel="Save changes"
        saving={update.isPending}
        onCancel={() => navigate(-1)}
        notice={versioned.stale ? <StaleCopyAlert stale={versioned.stale} onReload={reloadLatest} onOverwrite={versioned.overwrite} reloading={reloading} /> : null}
        onSubmit={async (values) => {
          const saved = await versioned.save((version) => update.mutateAsync({ ...dropBlankLines(values), version }));
          if (!saved) return;
          notifications.show({ color: 'teal', message: 'Changes saved.' });
          navigate(`/people/${person.id}`, { replace: true });
        }}
      />
    </div>
  );
}

/** The form starts with one empty email and phone line for convenience; untouched ones are not data. */
function dropBlankLines(values: PersonData): PersonData {
  return {
    ...values,
    emails: values.emails.filter((e) => e.address.trim() !== ''),
    phones: values.phones.filter((p) => p.number.trim() !== ''),
  };
}
