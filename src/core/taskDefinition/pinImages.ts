import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { isEcrRegistry, parseImageRef } from '../imageRef';

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
    const ref = parseImageRef(image);
    if (!isEcrRegistry(ref.registry)) return c;
    const match = pushed.find((p) => parseImageRef(p.repositoryUri).repository === ref.repository);
    if (!match || match.imageUri === image) return c;
    pinned.push({ container: c.name ?? '', from: image, to: match.imageUri });
    return { ...c, image: match.imageUri };
  });
  return { input: { ...input, containerDefinitions }, pinned };
}
