/**
 * Session 13 (d25): the release said after an Office server product ("sharepoint server 2019", "SharePoint Server
 * Subscription Edition", "skype for business server 2015", "project server 2016") is that product's, never Exchange's
 * (SE, 2016, 2019) nor a break in the words that place the product on the Exchange server ("we also put sharepoint server
 * 2019 on the same box": fact-dimensions.yaml officeServerOnExchange names "sharepoint server on the same box"). Blanked
 * with spaces, same length, so the phrase tables read the product and where it is.
 */
const PRODUCT_RELEASE =
  /\b((?:microsoft\s+)?(?:sharepoint|skype\s+for\s+business|lync|project|office\s+online)(?:\s+server)?)(\s+(?:20[01]\d|subscription\s+edition|se|foundation)(?:\s+(?:rtm|sp\s?\d|cu\s?\d{1,2}))?)(?![\w-])/gi;

/**
 * Session 15 (o27, w8-after-13): the part of the product's farm named after it ("the sharepoint 2016 farm's app role is
 * installed on that same server") is still that product on the server: the farm and role words are blanked too, so the
 * product stands next to where it is installed.
 */
const PRODUCT_PART =
  /\b((?:sharepoint|skype\s+for\s+business|lync|project|office\s+online)(?:\s+server)?)\s+((?:farm(?:'s|s)?\s+)?(?:(?:app(?:lication)?|web\s+front[\s-]?end|wfe|front[\s-]?end|search|distributed\s+cache|custom)\s+(?:server\s+)?roles?|farm(?:'s|s)?))(?![\w-])/gi;

export function withoutOfficeProductReleases(text: string): string {
  return text
    .replace(PRODUCT_RELEASE, (_whole, product: string, release: string) => product + ' '.repeat(release.length))
    .replace(PRODUCT_PART, (whole: string, product: string) => product + ' '.repeat(whole.length - product.length));
}
