import { getAtt, ref, type StackTemplate } from './cfn';
import type { VolumeOwner } from './databases';
import type { NetworkRefs } from './network';

export interface NewFileSystem {
  /** The compose named volume. */
  readonly volume: string;
  /** e.g. EfsMongoData */
  readonly logicalId: string;
  /** Who the access point writes as; undefined leaves it to the container (root-owned directory). */
  readonly owner?: VolumeOwner;
}

/** The task volume's EFS settings (CloudFormation's form) and the mount targets the service waits for. */
export interface FileSystemUse {
  readonly efsVolumeConfiguration: Record<string, unknown>;
  readonly mountTargets: string[];
}

const NFS_PORT = 2049;

/**
 * One encrypted EFS file system per named volume, kept when the stack is deleted or replaced,
 * with a mount target in each subnet, one security group letting in only the tasks on NFS, and
 * an access point whose directory belongs to the user the container writes as.
 */
export function addFileSystems(t: StackTemplate, fileSystems: readonly NewFileSystem[], net: NetworkRefs, taskSecurityGroup: string, appId: string, tags: Array<{ Key: string; Value: string }>): Map<string, FileSystemUse> {
  const uses = new Map<string, FileSystemUse>();
  if (fileSystems.length === 0) return uses;
  const r = t.Resources;
  r.EfsSecurityGroup = {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: { GroupDescription: 'EFS: NFS from the tasks only', VpcId: net.vpcId, Tags: tags },
  };
  r.EfsIngressFromTasks = {
    Type: 'AWS::EC2::SecurityGroupIngress',
    Properties: {
      GroupId: getAtt('EfsSecurityGroup', 'GroupId'),
      SourceSecurityGroupId: getAtt(taskSecurityGroup, 'GroupId'),
      IpProtocol: 'tcp',
      FromPort: NFS_PORT,
      ToPort: NFS_PORT,
      Description: 'NFS from the tasks',
    },
  };
  for (const fs of fileSystems) {
    const id = fs.logicalId;
    r[id] = {
      Type: 'AWS::EFS::FileSystem',
      // The data outlives the app: deleting the stack (or replacing the file system) keeps it.
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        Encrypted: true,
        FileSystemTags: [{ Key: 'Name', Value: `${appId}/${fs.volume}` }, ...tags],
      },
    };
    const mountTargets = [0, 1].map((i) => `${id}MountTarget${i + 1}`);
    mountTargets.forEach((mt, i) => {
      r[mt] = {
        Type: 'AWS::EFS::MountTarget',
        Properties: { FileSystemId: ref(id), SubnetId: net.subnet(i as 0 | 1), SecurityGroups: [getAtt('EfsSecurityGroup', 'GroupId')] },
      };
    });
    const owner = fs.owner ?? { uid: 0, gid: 0 };
    r[`${id}AccessPoint`] = {
      Type: 'AWS::EFS::AccessPoint',
      Properties: {
        FileSystemId: ref(id),
        ...(fs.owner ? { PosixUser: { Uid: String(owner.uid), Gid: String(owner.gid) } } : {}),
        RootDirectory: { Path: `/${fs.volume.replace(/[^A-Za-z0-9_.-]/g, '-')}`, CreationInfo: { OwnerUid: String(owner.uid), OwnerGid: String(owner.gid), Permissions: '0755' } },
        AccessPointTags: tags,
      },
    };
    t.Outputs = { ...t.Outputs, [`${id}FileSystemId`]: { Description: `EFS file system of the volume ${fs.volume} (kept when the app is deleted)`, Value: ref(id) } };
    uses.set(fs.volume, {
      efsVolumeConfiguration: {
        FilesystemId: ref(id),
        TransitEncryption: 'ENABLED',
        AuthorizationConfig: { AccessPointId: ref(`${id}AccessPoint`), IAM: 'DISABLED' },
      },
      mountTargets,
    });
  }
  return uses;
}
