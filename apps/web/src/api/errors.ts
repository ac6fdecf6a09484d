import type { FormInstance } from 'antd';
import { feedback } from '../components/feedback';
import { type ApiError, isApiError } from './client';

/** Errors that navigate away by themselves (to /login or /change-password): no message on top of that. */
function redirects(error: unknown): boolean {
  return isApiError(error) && (error.status === 401 || error.code === 'PASSWORD_CHANGE_REQUIRED');
}

/** The text to show for any error thrown by the API client or elsewhere. */
export function errorText(error: unknown): string {
  if (isApiError(error)) {
    return error.code === 'INTERNAL' && error.requestId
      ? `${error.message}（请求编号 ${error.requestId}）`
      : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Shows the server's message (Chinese) as an antd message. */
export function showApiError(error: unknown): void {
  if (redirects(error)) return;
  feedback.message.error(errorText(error));
}

/**
 * Puts `fields[].message` next to the form fields of the same name. Nested names (`scope.0.code`) go to the
 * top-level field, which is how our forms are laid out. Returns true when at least one field was marked.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error) || error.fields.length === 0) return false;
  const byField = new Map<string, string[]>();
  for (const { field, message } of error.fields) {
    const name = field.split('.')[0] ?? field;
    byField.set(name, [...(byField.get(name) ?? []), message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}

/** The usual handling of a failed form submission: field messages in place and the summary as a message. */
export function handleFormError(form: FormInstance, error: unknown): void {
  applyFieldErrors(form, error);
  showApiError(error);
}

/**
 * The error handler of a save: a stale version (409) goes to `onConflict` (reload, close or show the conflict),
 * anything else — and a 409 of a create, where `onConflict` is null — is shown at the fields and as a message.
 */
export function saveErrorHandler(form: FormInstance, onConflict: ((error: ApiError) => void) | null) {
  return (error: unknown): void => {
    if (onConflict && isApiError(error) && error.code === 'CONFLICT') onConflict(error);
    else handleFormError(form, error);
  };
}
