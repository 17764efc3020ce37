import type { PaneServices } from "../../../src/taskpane/model/services";
import { type FakeApi, fakeApi } from "./fake-api";
import { type FakeAppointment, fakeAppointment } from "./fake-appointment";

export interface TestServices extends PaneServices {
  appointment: FakeAppointment;
  api: FakeApi;
  opened: string[];
}

export function testServices(appointment: FakeAppointment = fakeAppointment()): TestServices {
  const opened: string[] = [];
  return {
    appointment,
    api: fakeApi(),
    locale: "sv",
    config: {
      organisationDomains: ["region.se"],
      consumerEmailDomains: ["gmail.com", "hotmail.com"],
    },
    userEmail: "anna.andersson@region.se",
    openInBrowser: (url) => opened.push(url),
    opened,
  };
}
