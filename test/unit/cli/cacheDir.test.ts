import * as assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { cacheDirOf } from '../../../src/cli/cacheDir';

describe('cacheDirOf (where the CLI keeps build records)', () => {
  it('ECS_DEPLOY_CACHE_DIR wins, resolved', () => {
    assert.equal(cacheDirOf({ ECS_DEPLOY_CACHE_DIR: ' rel/cache ', XDG_CACHE_HOME: '/xdg' }), path.resolve('rel/cache'));
  });
  it('else the user cache folder + ecs-deploy', function () {
    if (process.platform === 'win32') this.skip();
    assert.equal(cacheDirOf({ XDG_CACHE_HOME: '/xdg' }), path.join('/xdg', 'ecs-deploy'));
    assert.equal(cacheDirOf({ XDG_CACHE_HOME: ' ', ECS_DEPLOY_CACHE_DIR: '' }), path.join(os.homedir(), '.cache', 'ecs-deploy'));
  });
});
