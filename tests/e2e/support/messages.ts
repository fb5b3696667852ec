import { zhCN as prechecks } from '../../../src/lib/features/prechecks/messages/zh-CN';
import { zhCN as serviceCatalog } from '../../../src/lib/features/service-catalog/messages/zh-CN';
import { zhCN as shell } from '../../../src/lib/i18n/zh-CN';

/** The workflows' message packs in Chinese (src/lib/features/<workflow>/messages/), which load with their screens. */
export const packsZh = { ...serviceCatalog, ...prechecks } as const;

/** The app shell's Chinese catalog alone. */
export const shellZh = shell;

/**
 * The Chinese messages, the shell's and every workflow pack's, as one lookup: tests assert on what users read,
 * from the one place each text is defined. Pack keys are prefixed by their workflow, so none collide.
 */
export const zh = { ...shell, ...packsZh } as const;
