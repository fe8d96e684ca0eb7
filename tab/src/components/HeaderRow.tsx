import { TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';

/** A table's header: one header cell per label, in order. */
export function HeaderRow({ labels }: { labels: string[] }) {
  return (
    <TableHeader>
      <TableRow>
        {labels.map((label, index) => (
          <TableHeaderCell key={index}>{label}</TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
}
