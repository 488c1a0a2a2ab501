import { DescribeImagesCommand, type ECRClient, type ImageDetail } from '@aws-sdk/client-ecr';

/** The images of a repository, newest push first (one page of up to 100; enough for a picker). */
export async function listRepositoryImages(ecr: ECRClient, repositoryName: string, signal?: AbortSignal): Promise<ImageDetail[]> {
  const out = await ecr.send(new DescribeImagesCommand({ repositoryName, maxResults: 100 }), { abortSignal: signal });
  return (out.imageDetails ?? []).sort((a, b) => (b.imagePushedAt?.getTime() ?? 0) - (a.imagePushedAt?.getTime() ?? 0));
}
