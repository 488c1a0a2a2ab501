import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';

/** The account id of the current credentials (sts:GetCallerIdentity). */
export async function callerAccount(sts: STSClient, signal?: AbortSignal): Promise<string | undefined> {
  const out = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
  return out.Account;
}
