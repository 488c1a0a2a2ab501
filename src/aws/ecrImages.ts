import { DescribeImagesCommand, type ECRClient, type ImageDetail } from '@aws-sdk/client-ecr';

/** "123.dkr.ecr.eu-west-1.amazonaws.com/app:tag" or "…/app@sha256:…" → "app"; undefined for non-ECR images. */
export function ecrRepositoryOf(image: string): { registry: string; repository: string } | undefined {
  const m = /^(\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?)\/([^:@]+)/.exec(image);
  return m ? { registry: m[1], repository: m[2] } : undefined;
}

/** The images of a repository, newest push first (one page of up to 100; enough for a picker). */
export async function listRepositoryImages(ecr: ECRClient, repositoryName: string, signal?: AbortSignal): Promise<ImageDetail[]> {
  const out = await ecr.send(new DescribeImagesCommand({ repositoryName, maxResults: 100 }), { abortSignal: signal });
  return (out.imageDetails ?? []).sort((a, b) => (b.imagePushedAt?.getTime() ?? 0) - (a.imagePushedAt?.getTime() ?? 0));
}
