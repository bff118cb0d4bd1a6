package com.countyleague.volunteer.web;

import java.time.LocalDate;

import com.countyleague.volunteer.Certificate;
import com.countyleague.volunteer.ServiceRecords;
import com.countyleague.web.Flash;
import com.countyleague.web.Formats;
import com.countyleague.web.PublicUrls;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Service hours and certificates: a member's own record, a person's record for their secretary (who
 * issues certificates there), the certificate PDF, and the public page that verifies a certificate.
 */
@Controller
class ServiceController {

    private final ServiceRecords records;
    private final PublicUrls urls;
    private final Formats formats;
    private final Flash flash;

    ServiceController(ServiceRecords records, PublicUrls urls, Formats formats, Flash flash) {
        this.records = records;
        this.urls = urls;
        this.formats = formats;
        this.flash = flash;
    }

    @GetMapping("/me/service")
    String mine(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("record", records.mine(yearOr(year)));
        return "volunteer/service";
    }

    @GetMapping("/admin/people/{id}/service")
    String ofPerson(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("record", records.of(id, yearOr(year)));
        model.addAttribute("today", LocalDate.now(formats.zone()));
        return "volunteer/service";
    }

    @PostMapping("/admin/people/{id}/certificates")
    String issue(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) String personInCharge, @RequestParam(required = false) String handler,
                 @RequestParam(required = false) String contact, RedirectAttributes redirect) {
        flash.attempt(redirect, "certificate.requested",
                () -> records.request(id, new ServiceRecords.CertificateDraft(from, to, personInCharge, handler, contact)));
        return "redirect:/admin/people/" + id + "/service";
    }

    @PostMapping("/admin/certificates/requests/{id}/issue")
    String issueRequested(@PathVariable long id, @RequestParam long person, RedirectAttributes redirect) {
        flash.attempt(redirect, "certificate.issued", () -> records.issue(id));
        return "redirect:/admin/people/" + person + "/service";
    }

    @PostMapping("/admin/certificates/requests/{id}/dismiss")
    String dismiss(@PathVariable long id, @RequestParam long person, RedirectAttributes redirect) {
        flash.attempt(redirect, "certificate.objection.dismissed", () -> records.dismissObjection(id));
        return "redirect:/admin/people/" + person + "/service";
    }

    @PostMapping("/admin/certificates/requests/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam long person, RedirectAttributes redirect) {
        flash.attempt(redirect, "certificate.request.withdrawn", () -> records.withdraw(id));
        return "redirect:/admin/people/" + person + "/service";
    }

    /** Public: an organisation's notice of the certificates it is about to issue (公示), open to objection. */
    @GetMapping("/notices/{code}")
    String notice(@PathVariable String code, Model model) {
        model.addAttribute("board", records.notice(code));
        return "volunteer/notice";
    }

    @PostMapping("/notices/{code}/{id}/objection")
    String object(@PathVariable String code, @PathVariable long id, @RequestParam(required = false) String objector,
                  @RequestParam(required = false) String objection, RedirectAttributes redirect) {
        flash.attempt(redirect, "certificate.objection.received", () -> records.object(code, id, objector, objection));
        return "redirect:/notices/" + code;
    }

    @GetMapping("/certificates/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Certificate certificate = records.certificate(id);
        byte[] pdf = records.pdf(certificate, urls.of("/verify/" + certificate.getCode()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(certificate.getNumber() + ".pdf").build().toString())
                .body(pdf);
    }

    /** Public: a school or employer checks a certificate by the code its QR carries. */
    @GetMapping("/verify/{code}")
    String verify(@PathVariable String code, Model model) {
        model.addAttribute("verified", records.verify(code));
        return "volunteer/verify";
    }

    private int yearOr(Integer year) {
        int current = LocalDate.now(formats.zone()).getYear();
        return year == null || year < 2000 || year > current ? current : year;
    }
}
