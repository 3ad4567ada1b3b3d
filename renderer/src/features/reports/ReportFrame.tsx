import { Alert, Button, Group, SegmentedControl, Switch, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { saveAsPdf } from '../../api/shell';
import { BackLink } from '../../ui/BackLink';
import './reports.css';

export type Paper = 'A4' | 'Letter';

interface Props {
  /** The report's name: the document title, the running header and the PDF's name. */
  title: string;
  /** The filters in words, beside the title on every page. */
  segment: string;
  generatedAt: string;
  back: { to: string; label: string };
  /** The owner's choice to include home addresses and family (off unless asked). */
  personal?: { value: boolean; onChange: (value: boolean) => void };
  onCsv?: () => void;
  /** Extra controls for the toolbar (filters). */
  controls?: ReactNode;
  children: ReactNode;
}

/** CSS strings cannot hold raw quotes or backslashes; the running header is set through one. */
const cssString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

export function usePaper(): [Paper, (p: Paper) => void] {
  const [paper, setPaper] = useLocalStorage<Paper>({ key: 'rapport.report.paper', defaultValue: 'Letter' });
  return [paper, setPaper];
}

/**
 * A printable report: a toolbar that never prints, then the document. The page rules give each
 * printed page the report's name, filters and date at the top and "Page n of N" at the bottom.
 */
export function ReportFrame({ title, segment, generatedAt, back, personal, onCsv, controls, children }: Props) {
  const [paper, setPaper] = usePaper();
  const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(generatedAt));
  const header = `${title} · ${segment} · ${date}`;
  const pageRules = `@page {
    size: ${paper === 'A4' ? 'A4' : 'letter'};
    margin: 20mm 14mm 16mm;
    @top-left { content: ${cssString(header)}; font: 8pt 'Liberation Sans', 'Noto Sans CJK JP', Arial, sans-serif; color: #333; vertical-align: bottom; padding-bottom: 4mm; }
    @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt 'Liberation Sans', Arial, sans-serif; color: #333; }
    @bottom-left { content: "Rapport"; font: 8pt 'Liberation Sans', Arial, sans-serif; color: #777; }
  }`;
  const pdfName = `${title} ${generatedAt.slice(0, 10)}.pdf`.replace(/[^\w .,()-]/gu, '');
  return (
    <div className="report-screen">
      <style>{pageRules}</style>
      <title>{`${title} — Rapport`}</title>
      <Group className="no-print" justify="space-between" px="xl" py="md" bg="var(--mantine-color-body)" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }} mb="lg">
        <Group gap="lg">
          <BackLink to={back.to} label={back.label} />
          {controls}
        </Group>
        <Group gap="sm">
          {personal ? (
            <Switch label="Include home addresses and family" checked={personal.value} onChange={(e) => personal.onChange(e.currentTarget.checked)} />
          ) : null}
          <SegmentedControl aria-label="Paper size" size="xs" value={paper} onChange={(p) => setPaper(p as Paper)} data={['Letter', 'A4']} />
          {onCsv ? (
            <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={onCsv}>
              Export CSV
            </Button>
          ) : null}
          <Button
            variant="default"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
            onClick={async () => {
              const result = await saveAsPdf(pdfName);
              if (result === 'saved') notifications.show({ message: `${title} saved as PDF.` });
            }}
          >
            Save as PDF
          </Button>
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            Print
          </Button>
        </Group>
      </Group>
      {window.rapport ? null : (
        <Alert className="no-print" variant="light" maw={820} mx="auto" mb="md">
          <Text size="sm">In a browser, “Save as PDF” opens the print dialog: choose “Save as PDF” as the destination.</Text>
        </Alert>
      )}
      <article className={`report ${paper === 'Letter' ? 'letter' : ''}`} aria-label={title}>
        <header className="report-title-block">
          <h1>{title}</h1>
          <p className="report-meta">
            {segment} · {date}
          </p>
        </header>
        {children}
      </article>
    </div>
  );
}

/** One key number of a report, boxed. */
export function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="figure">
      <div className="value">{value}</div>
      <div className="label">{label}</div>
    </div>
  );
}
