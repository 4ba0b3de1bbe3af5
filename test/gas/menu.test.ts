import { describe, expect, test } from 'vitest';
import { loadAppsScript } from './apps-script';

describe('the add-on menu', () => {
  test.each(['NONE', 'LIMITED', 'FULL'] as const)('onOpen builds the menu in AuthMode.%s, touching nothing else', (mode) => {
    const gas = loadAppsScript({ Roadmap: [['ID', 'Initiative']] });
    gas.auth.mode = mode;
    gas.call('onOpen', { authMode: mode });
    expect(gas.ui.menus).toHaveLength(1);
    expect(gas.ui.menus[0]!.items.filter(Boolean).map((item) => item!.label)).toEqual([
      'Open Ladder',
      'Check the cascade (flag rows)',
      'Refresh traces',
      'Insert a TRACE column on this tab',
      'Insert an IMPACT column on this tab',
      'Insert a PROGRESS column on this tab',
      'Freeze this plan',
      'Create a starter cascade',
      'Check this spreadsheet',
    ]);
    expect(gas.log.counts.size).toBe(0);
  });

  test('every menu item calls a top-level function that exists', () => {
    const gas = loadAppsScript();
    gas.call('onOpen', { authMode: 'NONE' });
    for (const item of gas.ui.menus[0]!.items) if (item) expect(typeof gas.context[item.handler]).toBe('function');
  });

  test('onInstall builds the menu too', () => {
    const gas = loadAppsScript();
    gas.auth.mode = 'NONE';
    gas.call('onInstall', { authMode: 'NONE' });
    expect(gas.ui.menus).toHaveLength(1);
  });

  test('the vm holds no Node: the bundle could not reach require, process or timers', () => {
    const gas = loadAppsScript();
    for (const name of ['require', 'process', 'Buffer', 'setTimeout', 'module']) expect(name in gas.context).toBe(false);
  });
});
