import { DeleteFileSystemCommand, DescribeMountTargetsCommand, type EFSClient } from '@aws-sdk/client-efs';
import { isAwsError } from '../core/awsErrors';

/** Mount targets still attached to a file system (it can only be deleted at zero). */
export async function mountTargetCount(efs: EFSClient, fileSystemId: string, signal?: AbortSignal): Promise<number> {
  const out = await efs.send(new DescribeMountTargetsCommand({ FileSystemId: fileSystemId }), { abortSignal: signal });
  return out.MountTargets?.length ?? 0;
}

/** Deletes a file system; false when it was already gone. */
export async function deleteFileSystem(efs: EFSClient, fileSystemId: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await efs.send(new DeleteFileSystemCommand({ FileSystemId: fileSystemId }), { abortSignal: signal });
    return true;
  } catch (err) {
    if (isAwsError(err, 'FileSystemNotFound')) return false;
    throw err;
  }
}
