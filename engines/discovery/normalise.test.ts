import { describe, expect, it } from "vitest";
import { normaliseMerchant } from ".";

const keyOf = (text: string) => normaliseMerchant(text).key;

describe("normaliseMerchant", () => {
  it.each([
    ["PAYPAL *CANVA 4029357733", "canva"],
    ["SQ *HOTJAR LTD", "hotjar"],
    ["SP * ALLBIRDS", "allbirds"],
    ["STRIPE*LINEAR.APP", "linear"],
    ["FS *SKETCH", "sketch"],
    ["PADDLE.NET* N8N", "n8n"],
    ["PP*1PASSWORD 4029357733", "1password"],
    ["AMZN Mktp US*2K3L45", "amazonmarketplace"],
    ["Google*GSUITE_northwind", "google gsuite northwind"],
    ["GOOGLE *ADS1234567", "google ads"],
    ["MAILCHIMP *MONTHLY", "mailchimp"],
    ["SLACK T0123 DUBLIN", "slack"],
    ["ZOOM.US 888-799-9666", "zoom"],
    ["MSFT *E0400ABCD", "microsoft"],
    ["HUBSPOT INC 855-4182767 MA", "hubspot"],
    ["Notion Labs Inc San Francisco CA", "notion"],
    ["Sprout Social, Inc.", "sprout social"],
    ["Acme S.A.", "acme"],
    ["ZOOMINFO TECHNOLOGIES", "zoominfo"],
    ["RECURRING PAYMENT AUTHORIZED ON 03/01 NETFLIX.COM", "netflix"],
    ["APPLE.COM/BILL 866-712-7753 CA", "apple"],
    ["LINKEDIN PREM 1234 P12345", "linkedin premium"],
    ["amazon.co.uk", "amazon"],
    ["Café Müller GmbH Berlin", "cafe muller"],
    ["FLORRAQOCOR 19338883 L", "florraqocor"],
    ["SEMRUSH*SUB T3990 940-895-4701 TEL AVIV IL", "semrush"],
    // Boilerplate cut by the bank's fixed-width field.
    ["PAYPAL *FIGMA *MONT", "figma"],
    ["ZENDESK INC SAN FRANC", "zendesk"],
    ["ACME LIMITE", "acme"],
    ["HOTJAR AMSTERD", "hotjar"],
  ])("%s → %s", (text, key) => {
    expect(keyOf(text)).toBe(key);
  });

  it("keeps a domain's name even when it is a billing or common word", () => {
    expect(keyOf("BILL.COM*ACME")).toBe("bill acme");
    expect(normaliseMerchant("MONDAY.COM LTD").domains).toEqual(["monday.com"]);
  });

  it("records the processor and every original word for the software signals", () => {
    const merchant = normaliseMerchant("FS *SKETCH SUBSCRIPTION");
    expect(merchant.processor).toBe("fastspring");
    expect(merchant.words).toEqual(["sketch", "subscription"]);
  });

  it("keeps the processor's name when nothing else is left", () => {
    expect(keyOf("PAYPAL *")).toBe("paypal");
    expect(keyOf("SQ * 12345678")).toBe("sq");
  });

  it("leaves nothing for text without merchant words", () => {
    expect(keyOf("")).toBe("");
    expect(keyOf("4029357733 *MONTHLY")).toBe("");
  });

  it("keeps at least one word when every word is a place or a company form", () => {
    expect(keyOf("DUBLIN")).toBe("dublin");
    expect(keyOf("Software AG")).toBe("software");
  });
});
