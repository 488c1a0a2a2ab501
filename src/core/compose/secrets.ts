import { hasUrlPassword, maskUrlPasswords } from './urlSpans';

/** Variable names that usually hold secrets. */
const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH_?KEY|_PWD$|^PWD_)/i;
/** Names that mention a secret but hold a reference to one (a file path, an ARN, an id). */
const SECRET_REFERENCE = /(_FILE|_PATH|_ARN|_ID)$/i;

/** Whether a variable's name says it holds a secret (and not a reference to one). */
export function hasSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !SECRET_REFERENCE.test(name);
}

/** Why a variable looks secret, or undefined. Values are never returned or printed. */
export function secretReason(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (hasSecretName(name)) return 'its name says it holds a secret';
  if (hasUrlPassword(value)) return 'its URL carries a password';
  return undefined;
}

/** A value as it may be shown to a person: secret-looking ones masked. */
export function maskValue(name: string, value: string): string {
  return secretReason(name, value) === 'its name says it holds a secret' ? '***' : maskUrlPasswords(value);
}
