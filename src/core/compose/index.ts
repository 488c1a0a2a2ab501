/** Compose → ECS task definition: the pure converter. I/O comes in through injected readers. */
export { editorText, formatDiagnostic, type ComposeDiagnostic, type FaceMessage, type Severity, type SourcePos } from './diagnostics';
export { parseEnvFile } from './envFile';
export type { FileReader, ComposeFile } from './loadProject';
export type { RenderOptions, LaunchType, CpuArchitecture } from './renderContext';
export { renderTaskDefinition, type RenderInput, type RenderResult } from './renderTask';
export { validateTaskDefinition } from './validate';
export { COMPOSE_FILE_NAME, isComposeFileName, taskDefinitionFileName } from './fileNames';
export { moveVariableToSecrets, removeEnvFileLine, removeVolumeAtLine, setExecutionRole, setServiceExtension } from './quickFixes';
export { buildRepositoryName, ecrImageOf, listBuildTargets, type BuildTarget, type EcrImage } from './buildTargets';
