import type { CliCommand } from '../types';
import { demoCommand } from './demo';
import { summaryCommand } from './summary';
import { exportCommand } from './export';
import { importCommand } from './import';
import { generateCommand } from './generate';
import { reportCommand } from './report';
import { verifyCommand } from './verify';

/** Every CLI command. A feature adds its command here (one line). */
export const commands: CliCommand[] = [demoCommand, summaryCommand, exportCommand, reportCommand, importCommand, generateCommand, verifyCommand];
