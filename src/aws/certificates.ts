import { ListCertificatesCommand, type ACMClient } from '@aws-sdk/client-acm';

export interface CertificateInfo {
  readonly arn: string;
  readonly domain: string;
}

/** Issued certificates of the region (what an HTTPS listener can use). */
export async function listIssuedCertificates(acm: ACMClient, signal?: AbortSignal): Promise<CertificateInfo[]> {
  const out: CertificateInfo[] = [];
  let token: string | undefined;
  do {
    const page = await acm.send(new ListCertificatesCommand({ CertificateStatuses: ['ISSUED'], NextToken: token }), { abortSignal: signal });
    for (const c of page.CertificateSummaryList ?? []) if (c.CertificateArn) out.push({ arn: c.CertificateArn, domain: c.DomainName ?? c.CertificateArn });
    token = page.NextToken;
  } while (token);
  return out;
}
