// whatsapp-web.js depends on full puppeteer, whose postinstall would download Chrome.
// There is no internet on our machines and we use Debian's Chromium instead
// (PUPPETEER_EXECUTABLE_PATH, default /usr/bin/chromium), so never download a browser.
module.exports = { skipDownload: true };
