/** Saves a blob under a file name through a temporary link (the file needs the bearer token, so no plain href). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A YYYY-MM-DD date as the start of that day in UTC (report periods are whole UTC days, end excluded). */
export function dayToIso(day: unknown): string | undefined {
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  return `${day}T00:00:00.000Z`;
}

export interface ReportRequest {
  from?: string;
  to?: string;
  platformIds?: number[];
  asOf?: string;
  agencyId?: number;
  title?: string;
  language?: string;
}

/** The body of POST /api/reports: {from, to, platformIds?, asOf?, agencyId?, title?, language?}, nothing else. */
export function reportPayload(values: Record<string, unknown>, language?: string): ReportRequest {
  const platformIds = Array.isArray(values.platformIds) ? values.platformIds.map(Number).filter(Number.isFinite) : [];
  const title = typeof values.title === 'string' ? values.title.trim() : '';
  const agencyId = Number(values.agencyId);
  return {
    from: dayToIso(values.from),
    to: dayToIso(values.to),
    ...(platformIds.length > 0 && { platformIds }),
    ...(typeof values.asOf === 'string' && values.asOf && { asOf: values.asOf }),
    ...(values.agencyId !== null && values.agencyId !== undefined && Number.isInteger(agencyId) && agencyId > 0 && { agencyId }),
    ...(title && { title }),
    ...(language && { language }),
  };
}

export const isPending = (status: unknown) => status === 'queued' || status === 'running';
