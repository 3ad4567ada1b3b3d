import type { ColumnMapping, MappableField } from '../../../shared/domain/import';
import { foldText } from '../../../shared/domain/names';
import type { PhoneKind } from '../../../shared/domain/phone';

/**
 * The words column headers use for each field a CSV of no known layout can be mapped to, in
 * English, the major European languages (German, French, Spanish, Italian, Portuguese, Dutch,
 * Polish, the Nordic languages, Finnish, Russian) and Japanese — as Outlook, Excel templates and
 * mailing tools localise them. Headers are compared folded (no accents, lower case) with every run
 * of punctuation a space: "E-Mail-Adresse", "e-mail adresse" and "E‑mail: Adresse" are one word list.
 */

export const normHeader = (h: string) =>
  foldText(h)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const WORDS: Record<MappableField, string[]> = {
  givenName: [
    'first name', 'given name', 'firstname', 'first', 'forename', 'vorname', 'prenom', 'nombre', 'nome', 'primeiro nome', 'voornaam', 'imie',
    'fornavn', 'fornamn', 'etunimi', 'имя', '名', 'ファーストネーム',
  ],
  familyName: [
    'last name', 'family name', 'surname', 'lastname', 'last', 'nachname', 'familienname', 'nom', 'nom de famille', 'apellido', 'apellidos', 'cognome',
    'sobrenome', 'apelido', 'achternaam', 'nazwisko', 'efternamn', 'etternavn', 'efternavn', 'sukunimi', 'фамилия', '姓', 'ラストネーム',
  ],
  fullName: [
    'name', 'full name', 'display name', 'contact', 'contact name', 'attendee', 'attendee name', 'vollstandiger name', 'anzeigename', 'nom complet',
    'nom et prenom', 'nombre completo', 'nome completo', 'naam', 'volledige naam', 'imie i nazwisko', 'navn', 'namn', 'nimi', 'фио', '氏名', '名前', '表示名',
  ],
  organization: [
    'company', 'organization', 'organisation', 'organization name', 'company name', 'employer', 'firma', 'firmenname', 'unternehmen', 'societe',
    'entreprise', 'empresa', 'organizacion', 'azienda', 'societa', 'organizzazione', 'bedrijf', 'organisatie', 'foretag', 'yritys', 'компания',
    'организация', '会社', '会社名', '勤務先', '組織',
  ],
  role: [
    'job title', 'position', 'role', 'occupation', 'jobtitle', 'berufsbezeichnung', 'funktion', 'poste', 'fonction', 'titre du poste', 'cargo',
    'puesto', 'ruolo', 'qualifica', 'posizione', 'funcao', 'functie', 'stanowisko', 'befattning', 'stilling', 'tehtava', 'должность', '役職',
  ],
  email: [
    'email', 'emails', 'e mail', 'e mails', 'email address', 'email addresses', 'e mail address', 'mail', 'primary email', 'work email', 'home email', 'other email', 'e mail adresse',
    'adresse e mail', 'adresse mail', 'courriel', 'adresse electronique', 'correo', 'correo electronico', 'posta elettronica', 'indirizzo email',
    'endereco de email', 'e mailadres', 'adres e mail', 'e postadress', 'e post', 'sahkoposti', 'почта', 'электронная почта', 'メール',
    'メールアドレス', '電子メール', '電子メール アドレス',
  ],
  phone: [
    'phone', 'phones', 'phone number', 'phone numbers', 'mobile', 'mobile phone', 'cell', 'cell phone', 'telephone', 'tel', 'work phone', 'home phone', 'primary phone',
    'telefon', 'telefonnummer', 'handy', 'mobiltelefon', 'portable', 'telefono', 'movil', 'celular', 'cellulare', 'telefone', 'telefoon', 'mobiel',
    'komorka', 'puhelin', 'телефон', '電話', '電話番号', '携帯', '携帯電話',
  ],
  // Chosen by the owner for a column Rapport could only call "Phone" (a file without a header row); a header naming a kind is a phone of that kind.
  mobilePhone: [],
  workPhone: [],
  homePhone: [],
  fax: [],
  website: ['website', 'web page', 'url', 'homepage', 'web site', 'webseite', 'site web', 'sitio web', 'sito web', 'pagina web', 'ホームページ', 'ウェブサイト'],
  linkedin: ['linkedin', 'linkedin url', 'linkedin profile'],
  street: ['street', 'address', 'street address', 'home street', 'strasse', 'adresse', 'rue', 'calle', 'direccion', 'indirizzo', 'rua', 'endereco', 'straat', 'ulica', 'gatuadress', 'адрес', '住所', '番地'],
  city: ['city', 'town', 'location', 'home city', 'ort', 'stadt', 'ville', 'ciudad', 'citta', 'cidade', 'plaats', 'stad', 'miasto', 'kaupunki', 'город', '市区町村', '都市'],
  region: ['state', 'region', 'province', 'state province', 'bundesland', 'provincia', 'estado', 'provincie', 'wojewodztwo', 'область', '都道府県'],
  postalCode: ['zip', 'zip code', 'postal code', 'postcode', 'zip postal code', 'plz', 'postleitzahl', 'code postal', 'codigo postal', 'cap', 'cep', 'kod pocztowy', 'postnummer', 'postinumero', 'индекс', '郵便番号'],
  country: ['country', 'country region', 'home country', 'land', 'pays', 'pais', 'paese', 'nazione', 'kraj', 'maa', 'страна', '国', '国 地域'],
  tags: ['categories', 'tags', 'labels', 'groups', 'group', 'kategorien', 'etiketten', 'gruppen', 'etiquettes', 'groupes', 'categorias', 'etiquetas', 'grupos', 'categorie', 'etichette', 'gruppi', 'etiketter', 'kategorier', 'タグ', '分類', 'グループ', 'カテゴリ'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'notizen', 'bemerkungen', 'kommentar', 'remarques', 'commentaire', 'notas', 'comentarios', 'commenti', 'notitie', 'notities', 'opmerkingen', 'uwagi', 'anteckningar', 'huomautukset', 'заметки', 'メモ', '備考'],
};

const FIELD_OF = new Map<string, MappableField>();
for (const [field, words] of Object.entries(WORDS) as [MappableField, string[]][]) for (const w of words) if (!FIELD_OF.has(normHeader(w))) FIELD_OF.set(normHeader(w), field);

/** The fields that are phones of a kind, and their kinds. */
export const PHONE_FIELD_KINDS: Partial<Record<MappableField, PhoneKind[]>> = { phone: [], mobilePhone: ['mobile'], workPhone: ['work'], homePhone: ['home'], fax: ['fax'] };

/** Fields a column of which may hold several values each, and which several columns may feed. */
export const MULTI_VALUED = new Set<MappableField>(['email', 'tags', ...(Object.keys(PHONE_FIELD_KINDS) as MappableField[])]);

/** Words inside a longer header that say what it holds ("Email (work)", "Telefon geschäftlich", "電話番号（自宅）"). */
const EMAIL_WORD = /(^| )(e ?mails?|courriel|correo)( |$)|メール/;
const PHONE_WORD = /(^| )(phones?|tel|telephone|telefon|telefono|telefone|telefoon|mobile|mobil|handy|cell|fax|pager|puhelin|телефон)( |$)|電話|携帯/;

/** The field a header names, if it names one. */
export function fieldOfHeader(header: string): MappableField | null {
  const h = normHeader(header);
  if (!h) return null;
  const exact = FIELD_OF.get(h);
  if (exact) return exact;
  if (EMAIL_WORD.test(h)) return 'email';
  if (PHONE_WORD.test(h)) return 'phone';
  return null;
}

/** Whether a row's cells are column names: at least two name fields a contact export has (stops counting at two). */
export function namesFields(cells: string[]): boolean {
  let named = 0;
  for (const c of cells) if (c.length <= 60 && fieldOfHeader(c) && ++named >= 2) return true;
  return false;
}

const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A number written with its country code, as no postal code, city or name is. */
const INTERNATIONAL_NUMBER = /^\+\d[\d\s().\-/]{6,}$/;

/** Forms of address in a "Title" column (Outlook's Title is Mr./Dr., not a job title). */
const HONORIFIC = /^(mr|mrs|ms|miss|mx|dr|prof|sir|dame|herr|frau|hr|fr|m|mme|mlle|sr|sra|srta|sig|sig ra|dott|dhr|mevr|pan|pani)$/;

/**
 * The mapping a person would most likely choose for these columns, from their names and, for a
 * file without a header row, from the values in them (`samples`: a few values of each column).
 */
export function suggestMapping(header: string[], samples: string[][], named: boolean): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<MappableField>();
  const take = (h: string, field: MappableField) => {
    if (!h.trim() || Object.hasOwn(mapping, h) || (taken.has(field) && !MULTI_VALUED.has(field))) return;
    mapping[h] = field;
    taken.add(field);
  };
  if (named) {
    header.forEach((h, i) => {
      const field = fieldOfHeader(h);
      // A word of one language is another's: Turkish "Cep" (mobile) is Portuguese "CEP" (postal code). Values that are all
      // international numbers or all addresses say what the column holds.
      const values = (samples[i] ?? []).filter(Boolean);
      if (field && field !== 'phone' && values.length && values.every((v) => INTERNATIONAL_NUMBER.test(v))) take(h, 'phone');
      else if (field && field !== 'email' && values.length && values.every((v) => EMAIL_ADDRESS.test(v))) take(h, 'email');
      else if (field) take(h, field);
    });
    // "Title" is a job title only where no other column is one, and its values are not Mr. and Dr.
    header.forEach((h, i) => {
      if (normHeader(h) !== 'title' || taken.has('role')) return;
      const values = (samples[i] ?? []).filter(Boolean);
      if (values.length && values.every((v) => !HONORIFIC.test(normHeader(v)))) take(h, 'role');
    });
  }
  // By the values: a column of addresses is email, of numbers is phone, of web addresses a website.
  header.forEach((h, i) => {
    if (Object.hasOwn(mapping, h)) return;
    const values = (samples[i] ?? []).filter(Boolean);
    if (!values.length) return;
    if (values.every((v) => EMAIL_ADDRESS.test(v))) take(h, 'email');
    else if (values.every((v) => /^\+?[\d\s().\-/]{7,}$/.test(v))) take(h, 'phone');
    else if (values.every((v) => /^(https?:\/\/|www\.)\S+$/i.test(v))) take(h, /linkedin\.com/i.test(values[0] as string) ? 'linkedin' : 'website');
  });
  // Without names, the first column of words is most likely the name.
  if (!named && !taken.has('fullName') && !taken.has('givenName')) {
    const first = header.findIndex((h, i) => !Object.hasOwn(mapping, h) && (samples[i] ?? []).some((v) => /\p{L}/u.test(v)));
    if (first >= 0) take(header[first] as string, 'fullName');
  }
  return mapping;
}
