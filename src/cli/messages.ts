import type { Lang } from '../core/i18n';

const en = {
  usage: `Usage: journey-lab <command> [options]

Commands:
  validate FILE            Check a journey file; prints "SEVERITY code location: message" per problem.
                           Exit 0: no errors; 1: errors; 2: unreadable, not JSON or unsupported version.
  compile FILE [-o OUT]    Write the journey's XState v5 machine config as JSON (stdout or OUT).
  templates                List the ready journeys.
  templates --export ID    Print one template as a .journey.json file.
  simulate JOURNEY         Forecast a journey on a synthetic cohort: conversions, revenue, cost, ROI,
                           lift (see "journey-lab simulate --help"). Exit 0: ran; 1: problems; 2: usage.

Options:
  --lang en|zh-CN          Language of messages (default: en, or JOURNEY_LAB_LANG).
  -h, --help               Help for a command.
  -v, --version            Print the version.

FILE may be "-" to read standard input.`,
  validateUsage: `Usage: journey-lab validate FILE [--lang en|zh-CN]

Migrates, checks and analyses a journey file and prints each problem as
  SEVERITY code location: message
Exit status: 0 when there is no error (warnings and info may remain), 1 when there are errors,
2 when the file cannot be read, is not JSON, or is of an unsupported format version.`,
  compileUsage: `Usage: journey-lab compile FILE [-o OUT] [--lang en|zh-CN]

Compiles a journey to a plain-JSON XState v5 machine config. It loads back into a machine with the
node kinds' implementations (see docs/journey-format.md). A journey with errors is not compiled
(exit 1); an unreadable file, or an OUT that cannot be written, exits 2.`,
  templatesUsage: `Usage: journey-lab templates [--export ID] [--lang en|zh-CN]

Without options, lists the templates built from the domain cases. With --export ID, prints that
template as a journey file in the chosen language (redirect it to NAME.journey.json).`,
  unknownCommand: (command: string) => `Unknown command "${command}".`,
  missingFile: 'Missing FILE argument.',
  tooManyArguments: 'Too many arguments.',
  cannotRead: (file: string, reason: string) => `Cannot read ${file}: ${reason}`,
  cannotWrite: (file: string, reason: string) => `Cannot write ${file}: ${reason}`,
  /** Why a file cannot be read or written, by Node's error code; other codes keep the system's message. */
  fileErrors: {
    EISDIR: 'it is a directory',
    ENOENT: 'no such file or directory',
    ENOTDIR: 'a part of the path is not a directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    ENAMETOOLONG: 'the name is too long',
    EEXIST: 'the file already exists',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
    EFBIG: 'the file is too large',
  } as Record<string, string>,
  missingDirectory: 'the directory it goes in does not exist',
  internalError: (message: string) => `journey-lab: internal error: ${message} — please report it`,
  notJson: (file: string, reason: string) => `${file} is not valid JSON: ${reason}`,
  summary: (errors: number, warnings: number, infos: number) => `${errors} error(s), ${warnings} warning(s), ${infos} info.`,
  refused: 'The journey has errors and was not compiled:',
  wrote: (file: string) => `Wrote ${file}`,
  unknownTemplate: (id: string, known: string) => `No template "${id}". Templates: ${known}`,
  templateLine: (caseNumber: number, industry: string, nodes: number) => `case ${caseNumber}, ${industry}, ${nodes} nodes`,
  badLang: (lang: string) => `Unknown language "${lang}"; use en or zh-CN.`,
};

const zh: typeof en = {
  usage: `用法：journey-lab <命令> [选项]

命令：
  validate FILE            检查旅程文件；每个问题输出一行 "SEVERITY code 位置: 说明"。
                           退出码 0：无错误；1：有错误；2：无法读取、不是 JSON 或版本不受支持。
  compile FILE [-o OUT]    输出旅程的 XState v5 状态机配置（JSON，输出到标准输出或 OUT）。
  templates                列出现成的旅程模板。
  templates --export ID    以 .journey.json 文件格式输出一个模板。
  simulate JOURNEY         在模拟人群上预测旅程效果：转化、收入、成本、ROI、增量
                           （见 "journey-lab simulate --help"）。退出码 0：完成；1：有问题；2：用法错误。

选项：
  --lang en|zh-CN          提示语言（默认 en，或环境变量 JOURNEY_LAB_LANG）。
  -h, --help               查看命令帮助。
  -v, --version            显示版本。

FILE 为 "-" 时从标准输入读取。`,
  validateUsage: `用法：journey-lab validate FILE [--lang en|zh-CN]

迁移、检查并分析旅程文件，每个问题输出一行：
  SEVERITY code 位置: 说明
退出码：没有错误时为 0（可能仍有警告和提示），有错误时为 1，
文件无法读取、不是 JSON 或格式版本不受支持时为 2。`,
  compileUsage: `用法：journey-lab compile FILE [-o OUT] [--lang en|zh-CN]

把旅程编译为纯 JSON 的 XState v5 状态机配置，可配合节点类型的实现重新加载为状态机
（见 docs/journey-format.md）。有错误的旅程不会被编译（退出码 1）；文件无法读取或 OUT 无法写入时退出码为 2。`,
  templatesUsage: `用法：journey-lab templates [--export ID] [--lang en|zh-CN]

不带选项时列出根据业务案例制作的模板；带 --export ID 时以所选语言输出该模板的旅程文件
（可重定向到 NAME.journey.json）。`,
  unknownCommand: (command) => `未知命令「${command}」。`,
  missingFile: '缺少 FILE 参数。',
  tooManyArguments: '参数过多。',
  cannotRead: (file, reason) => `无法读取 ${file}：${reason}`,
  cannotWrite: (file, reason) => `无法写入 ${file}：${reason}`,
  fileErrors: {
    EISDIR: '这是一个目录',
    ENOENT: '文件或目录不存在',
    ENOTDIR: '路径中有一部分不是目录',
    EACCES: '权限不足',
    EPERM: '不允许此操作',
    EROFS: '文件系统为只读',
    ENOSPC: '设备空间不足',
    EDQUOT: '超出磁盘配额',
    ENAMETOOLONG: '名称过长',
    EEXIST: '文件已存在',
    ELOOP: '符号链接层数过多',
    EMFILE: '打开的文件过多',
    EFBIG: '文件过大',
  },
  missingDirectory: '所在的目录不存在',
  internalError: (message) => `journey-lab：内部错误：${message} —— 请报告此问题`,
  notJson: (file, reason) => `${file} 不是有效的 JSON：${reason}`,
  summary: (errors, warnings, infos) => `${errors} 个错误，${warnings} 个警告，${infos} 条提示。`,
  refused: '旅程存在错误，未编译：',
  wrote: (file) => `已写入 ${file}`,
  unknownTemplate: (id, known) => `没有模板「${id}」。可用模板：${known}`,
  templateLine: (caseNumber, industry, nodes) => `案例 ${caseNumber}，${industry}，${nodes} 个节点`,
  badLang: (lang) => `未知语言「${lang}」；请使用 en 或 zh-CN。`,
};

export type CliMessages = typeof en;
export const cliMessages: Record<Lang, CliMessages> = { en, 'zh-CN': zh };
