import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The zone every time on screen is shown in, whatever the browser's own zone. */
export const DISPLAY_ZONE = 'Asia/Shanghai';
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** An ISO timestamp (UTC) from the API as `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai; '—' when absent. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const value = dayjs.utc(iso);
  return value.isValid() ? value.tz(DISPLAY_ZONE).format(DATE_TIME_FORMAT) : iso;
}

/**
 * A picker value (whose wall-clock fields the user chose, thinking in Beijing time) as an ISO instant.
 * The browser's own zone is ignored so that a machine set to UTC filters the same way.
 */
export function pickerToIso(value: Dayjs): string {
  return dayjs.tz(value.format(DATE_TIME_FORMAT), DISPLAY_ZONE).toISOString();
}

/** The inverse of pickerToIso: an ISO instant as a picker value showing Beijing wall-clock time. */
export function isoToPicker(iso: string): Dayjs | null {
  const value = dayjs.utc(iso);
  return value.isValid() ? dayjs(value.tz(DISPLAY_ZONE).format(DATE_TIME_FORMAT)) : null;
}

/** True when an ISO timestamp lies in the future (e.g. a lock that has not expired yet). */
export function isFuture(iso: string | null | undefined): boolean {
  return !!iso && dayjs.utc(iso).isAfter(dayjs());
}
