/**
 * Simplified Chinese: the default language and the source of truth for message keys.
 * Every other catalog is typed `Record<MessageKey, string>`, so TypeScript reports a missing or unknown key.
 */
export const zhCN = {
	'app.name': '综窗助手',
	'app.tagline': '政务服务中心综合窗口工作助手',

	'language.switch': '切换语言',

	'login.pageTitle': '登录 - 综窗助手',
	'login.heading': '工作人员登录',
	'login.email': '邮箱',
	'login.password': '密码',
	'login.showPassword': '显示密码',
	'login.hidePassword': '隐藏密码',
	'login.submit': '登录',
	'login.submitting': '正在登录…',
	'login.emailRequired': '请输入邮箱',
	'login.emailInvalid': '邮箱格式不正确，例如 name@example.com',
	'login.passwordRequired': '请输入密码',
	'login.invalidCredentials': '邮箱或密码错误',
	'login.network': '无法连接服务器，请检查网络后重试',
	'login.unexpected': '登录失败，请稍后重试',

	'home.pageTitle': '首页 - 综窗助手',
	'home.greeting': '您好，{name}',
	'home.name': '姓名',
	'home.post': '岗位',
	'home.hall': '所在大厅',
	'home.account': '账号',
	'home.accountLine': '账号：{email}',
	'home.loading': '正在读取工作人员信息…',
	'home.cached': '暂时无法连接服务器，显示的是上次读取的信息',
	'home.network': '无法连接服务器，请检查网络后重试',
	'home.unexpected': '读取工作人员信息失败，请稍后重试',
	'home.retry': '重试',
	'home.notStaffTitle': '此账号尚未登记为在岗工作人员',
	'home.notStaffBody': '请联系管理岗为您开通权限，或退出后换用其他账号登录。',
	'home.signOut': '退出登录',

	'post.intake': '综合接件岗',
	'post.delivery': '综合出件岗',
	'post.assist': '咨询帮办岗',
	'post.manager': '管理岗',

	'pwa.updateAvailable': '有新版本',
	'pwa.update': '更新',
	'pwa.later': '稍后',

	'error.pageTitle': '出错了 - 综窗助手',
	'error.notFound': '找不到这个页面',
	'error.generic': '页面出错了',
	'error.backHome': '返回首页'
} as const;

export type MessageKey = keyof typeof zhCN;
