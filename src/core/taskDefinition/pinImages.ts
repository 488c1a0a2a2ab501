import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';

export interface PushedImage {
  /** "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-api" */
  readonly repositoryUri: string;
  /** "…/shop-api@sha256:…" */
  readonly imageUri: string;
}

export interface PinnedImage {
  readonly container: string;
  readonly from: string;
  readonly to: string;
}

/** "host/path/repo:tag" or "…@sha256:…" → "path/repo" (the repository, without host, tag or digest). */
function repositoryPath(image: string): string {
  const noDigest = image.split('@')[0];
  const slash = noDigest.indexOf('/');
  const afterHost = slash >= 0 ? noDigest.slice(slash + 1) : noDigest;
  const colon = afterHost.lastIndexOf(':');
  return colon >= 0 ? afterHost.slice(0, colon) : afterHost;
}

const isEcrHost = (image: string) => /^[\w-]+\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//.test(image);

/**
 * A compose-generated definition names its built services' images by ECR repository and tag
 * (sometimes with a placeholder account); replace each with the image just pushed to that
 * repository, pinned by digest.
 */
export function pinPushedImages(
  input: RegisterTaskDefinitionCommandInput,
  pushed: readonly PushedImage[],
): { input: RegisterTaskDefinitionCommandInput; pinned: PinnedImage[] } {
  const pinned: PinnedImage[] = [];
  const containerDefinitions = (input.containerDefinitions ?? []).map((c) => {
    const image = c.image ?? '';
    if (!isEcrHost(image)) return c;
    const match = pushed.find((p) => repositoryPath(p.repositoryUri + ':x') === repositoryPath(image));
    if (!match || match.imageUri === image) return c;
    pinned.push({ container: c.name ?? '', from: image, to: match.imageUri });
    return { ...c, image: match.imageUri };
  });
  return { input: { ...input, containerDefinitions }, pinned };
}
