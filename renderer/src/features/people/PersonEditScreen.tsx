import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from 'react-router';
import { emptyPersonInput, type Person, type PersonData } from '../../../../shared/domain/person';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { PageHeader } from '../../ui/PageHeader';
import { NotFound } from '../../ui/NotFound';
import { PersonForm } from './PersonForm';
import { useCreatePerson, usePerson, useUpdatePerson } from './queries';

function editable(p: Person): PersonData {
  const { id: _id, name: _name, createdAt: _c, updatedAt: _u, ...data } = p;
  return data;
}

export function PersonNewScreen() {
  const navigate = useNavigate();
  const create = useCreatePerson();
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <PageHeader title="New person" />
      <PersonForm
        initial={{ ...emptyPersonInput(), emails: [{ label: 'Work', address: '' }], phones: [{ label: 'Mobile', number: '' }] }}
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
  const navigate = useNavigate();
  const person = usePerson(id);
  const update = useUpdatePerson(id);
  if (person.isPending) return <LoadingScreen />;
  if (person.isError) return <NotFound title="This person is not in your book" error={person.error} retry={() => person.refetch()} back={{ to: '/people', label: 'Back to People' }} />;
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <PageHeader title={`Edit ${person.data.name}`} />
      <PersonForm
        initial={editable(person.data)}
        submitLabel="Save changes"
        saving={update.isPending}
        onCancel={() => navigate(-1)}
        onSubmit={async (values) => {
          await update.mutateAsync(dropBlankLines(values));
          notifications.show({ color: 'teal', message: 'Changes saved.' });
          navigate(`/people/${id}`, { replace: true });
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
