/** The parts of an image reference: [registry/]repository[:tag][@digest]. */
export interface ImageRef {
  /** A host (it has a dot or a port, or is "localhost"); undefined for Docker Hub names. */
  readonly registry?: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

export function parseImageRef(image: string): ImageRef {
  const [name, digest] = image.split('@');
  const slash = name.indexOf('/');
  const first = slash > 0 ? name.slice(0, slash) : '';
  const registry = first && (/[.:]/.test(first) || first === 'localhost') ? first : undefined;
  const rest = registry ? name.slice(slash + 1) : name;
  const colon = rest.lastIndexOf(':');
  return {
    registry,
    repository: colon >= 0 ? rest.slice(0, colon) : rest,
    tag: colon >= 0 ? rest.slice(colon + 1) : undefined,
    digest,
  };
}

/** "123456789012.dkr.ecr.eu-west-1.amazonaws.com" (also the "aws_account_id" placeholder compose renders). */
export function isEcrRegistry(host: string | undefined): boolean {
  return Boolean(host && /^[\w-]+\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(host));
}

/** The ECR registry and repository of an image; undefined for images elsewhere. */
export function ecrRepositoryOf(image: string): { registry: string; repository: string } | undefined {
  const ref = parseImageRef(image);
  return ref.registry && /^\d{12}\./.test(ref.registry) && isEcrRegistry(ref.registry)
    ? { registry: ref.registry, repository: ref.repository }
    : undefined;
}
