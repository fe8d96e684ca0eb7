import {
  BadCursor,
  organisationView,
  parseExportRange,
  parseRecognitionQuery,
  recognitionPage,
  recognitionsCsv,
  teamView,
  type ExportRange,
} from '../../core/insights';
import { ApiFailure, jsonAnswer } from './http';
import { insightsDepsOf } from './insightsDeps';
import type { TabRoute } from './router';
import { routeViewer } from './viewerDeps';

/** The query's parameters by name (the first of each), for core's parsers. */
const paramsOf = (query: URLSearchParams): Record<string, string | undefined> =>
  Object.fromEntries([...new Set(query.keys())].map((name) => [name, query.get(name) ?? undefined]));

/**
 * The export's file name, `moments-recognitions-<from>-<to>.csv`: the range's dates, kept to
 * digits and dashes whatever parsed them, so the header can never carry a quote, a path or a line.
 */
export function exportFileName(range: ExportRange): string {
  const safe = (date: string) => date.replace(/[^0-9-]/g, '');
  return `moments-recognitions-${safe(range.from)}-${safe(range.to)}.csv`;
}

/**
 * The tab's pages, from core/insights: My recognition (everyone), My team (managers), the
 * organisation and its export (admins). Who may open a page is core's to say (NotAllowed: 403).
 */
export const pageRoutes: TabRoute[] = [
  {
    method: 'GET',
    path: 'recognition',
    async handle(context) {
      const query = parseRecognitionQuery(paramsOf(context.query));
      if (!query) throw new ApiFailure(400, 'badRequest');
      const viewer = await routeViewer(context);
      try {
        const page = await recognitionPage(
          insightsDepsOf(context.runtime),
          viewer,
          query,
          context.runtime.now(),
        );
        return jsonAnswer(200, page);
      } catch (error) {
        if (error instanceof BadCursor) throw new ApiFailure(400, 'badRequest');
        throw error;
      }
    },
  },
  {
    method: 'GET',
    path: 'team',
    async handle(context) {
      const viewer = await routeViewer(context);
      return jsonAnswer(200, await teamView(insightsDepsOf(context.runtime), viewer, context.runtime.now()));
    },
  },
  {
    method: 'GET',
    path: 'organisation',
    async handle(context) {
      const viewer = await routeViewer(context);
      return jsonAnswer(
        200,
        await organisationView(insightsDepsOf(context.runtime), viewer, context.runtime.now()),
      );
    },
  },
  {
    method: 'GET',
    path: 'organisation/export',
    async handle(context) {
      const viewer = await routeViewer(context);
      // Who may export is checked before the range: a non-admin learns nothing from a 400.
      if (!viewer.isAdmin) throw new ApiFailure(403, 'notAllowed');
      const range = parseExportRange(paramsOf(context.query));
      if (!range) throw new ApiFailure(400, 'badRequest');
      const csv = await recognitionsCsv(insightsDepsOf(context.runtime), viewer, range);
      return {
        status: 200,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${exportFileName(range)}"`,
          'Cache-Control': 'no-store',
        },
        body: csv,
      };
    },
  },
];
