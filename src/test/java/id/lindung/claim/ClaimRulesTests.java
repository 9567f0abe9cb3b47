package id.lindung.claim;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.shared.Rupiah;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small rules of a case: a file's type by its bytes, the heirs' order, the checklist and the JKK clock. */
class ClaimRulesTests {

    @Test
    void aFileIsJudgedByItsFirstBytesNotItsName() {
        assertThat(DocumentContent.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
        assertThat(DocumentContent.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB})).contains("image/jpeg");
        assertThat(DocumentContent.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})).contains("image/png");
        assertThat(DocumentContent.sniff("PDF-1.7 but not quite".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(DocumentContent.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(DocumentContent.sniff("<html>%PDF-".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(DocumentContent.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
        assertThat(DocumentContent.sniff(new byte[0])).isEmpty();
    }

    @Test
    void theSpouseAndChildrenReceiveFirstThenTheDirectLineThenSiblingsThenInLawsThenTheWill() {
        assertThat(HeirOrder.receivingRank(List.of(HeirRelationship.PARENT, HeirRelationship.SPOUSE, HeirRelationship.CHILD))).hasValue(1);
        assertThat(HeirOrder.receivingRank(List.of(HeirRelationship.SIBLING, HeirRelationship.GRANDCHILD))).hasValue(2);
        assertThat(HeirOrder.receivingRank(List.of(HeirRelationship.WILL, HeirRelationship.SIBLING))).hasValue(3);
        assertThat(HeirOrder.receivingRank(List.of(HeirRelationship.WILL, HeirRelationship.PARENT_IN_LAW))).hasValue(4);
        assertThat(HeirOrder.receivingRank(List.of(HeirRelationship.FUNERAL_ARRANGER, HeirRelationship.WILL))).hasValue(5);
        assertThat(HeirOrder.onlyFuneral(List.of(HeirRelationship.FUNERAL_ARRANGER))).isTrue();
        assertThat(HeirOrder.receivingRank(List.of(HeirRelationship.FUNERAL_ARRANGER))).hasValue(6);
        assertThat(HeirOrder.receivingRank(List.of())).isEmpty();
    }

    @Test
    void eachCaseTypeRequiresItsDocuments() {
        assertThat(DocumentChecklist.required(ClaimType.JKM_DEATH)).containsExactly(DocumentType.KTP, DocumentType.KK,
                DocumentType.DEATH_CERTIFICATE, DocumentType.HEIR_STATEMENT, DocumentType.BANK_BOOK);
        assertThat(DocumentChecklist.required(ClaimType.JKK_DEATH)).containsExactly(DocumentType.KTP, DocumentType.KK,
                DocumentType.DEATH_CERTIFICATE, DocumentType.HEIR_STATEMENT, DocumentType.ACCIDENT_REPORT, DocumentType.BANK_BOOK);
        assertThat(DocumentChecklist.required(ClaimType.JKK_MEDICAL)).containsExactly(DocumentType.KTP, DocumentType.KK,
                DocumentType.ACCIDENT_REPORT, DocumentType.MEDICAL_RESUME, DocumentType.BANK_BOOK);
        assertThat(DocumentChecklist.required(ClaimType.JHT)).containsExactly(DocumentType.KTP, DocumentType.KK, DocumentType.BANK_BOOK);
        for (ClaimType type : ClaimType.values()) {
            assertThat(DocumentChecklist.required(type)).doesNotContain(DocumentType.SCHOOL_CERTIFICATE);
        }
    }

    @Test
    void theJkkBenefitIsDueSevenWorkingDaysAfterTheFileIsCompleteAndOwesOnePercentADayLate() {
        JkkPaymentClock clock = new JkkPaymentClock(7, 1);
        // complete on Friday 4 December 2026: Mon 7 ... Fri 11 is 5, Mon 14 and Tue 15 make 7
        LocalDate friday = LocalDate.of(2026, 12, 4);
        assertThat(JkkPaymentClock.addWorkingDays(friday, 7)).isEqualTo(LocalDate.of(2026, 12, 15));
        ClaimCase.JkkClock onTime = clock.on(friday, LocalDate.of(2026, 12, 15), Rupiah.of(10_000_000), LocalDate.of(2027, 1, 1));
        assertThat(onTime.daysLate()).isZero();
        assertThat(onTime.lateCompensation()).isEqualTo(Rupiah.ZERO);
        ClaimCase.JkkClock late = clock.on(friday, null, Rupiah.of(10_000_000), LocalDate.of(2026, 12, 20));
        assertThat(late.daysLate()).isEqualTo(5);
        assertThat(late.lateCompensation()).isEqualTo(Rupiah.of(500_000));
        assertThat(clock.on(null, null, Rupiah.of(1), LocalDate.of(2026, 12, 20)).dueOn()).isNull();
    }

    @Test
    void onlyTheAllowedStepsLeadOnAndFinalStatusesLeadNowhere() {
        assertThat(ClaimStatus.SUBMITTED.next()).containsExactlyInAnyOrder(ClaimStatus.VERIFIED, ClaimStatus.REJECTED);
        assertThat(ClaimStatus.VERIFIED.next()).containsExactlyInAnyOrder(ClaimStatus.APPROVED, ClaimStatus.REJECTED);
        assertThat(ClaimStatus.APPROVED.next()).containsExactly(ClaimStatus.PAID);
        assertThat(ClaimStatus.PAID.next()).isEmpty();
        assertThat(ClaimStatus.REJECTED.next()).isEmpty();
        assertThat(ClaimStatus.SUBMITTED.canMoveTo(ClaimStatus.APPROVED)).isFalse();
    }

    @Test
    void aComponentShowsEachLegalBasisOnceAndUnverifiedWhenAnyValueOnItIs() {
        String amended = "PP 44/2015 as amended by PP 82/2019";
        ClaimCase.Component lumpSum = new ClaimCase.Component("LUMP_SUM", Rupiah.of(42_000_000), List.of(
                new id.lindung.regulation.Reference("jkm.lump_sum", amended, null, List.of("S1"), true, null),
                new id.lindung.regulation.Reference("jkm.periodic", amended, null, List.of("S1", "S2"), false, null),
                new id.lindung.regulation.Reference("jkm.funeral", amended, null, List.of("S3"), true, null),
                new id.lindung.regulation.Reference("jkm.funeral", amended, "Pasal 34", List.of("S3"), true, null)));
        assertThat(lumpSum.legalBasis()).extracting(r -> r.regulation() + " " + r.article() + " " + r.sources() + " " + r.verified())
                .containsExactly(amended + " null [S1, S2, S3] false", amended + " Pasal 34 [S3] true");
        assertThat(lumpSum.references()).hasSize(4);
    }

    @Test
    void theBasisMostComponentsShareIsStatedOnceAndARowNamesOnlyADifferentOne() {
        String amended = "PP 44/2015 as amended by PP 82/2019";
        ClaimCase.Component lumpSum = component("LUMP_SUM", ref("jkm.lumpSum", amended, true));
        ClaimCase.Component periodic = component("PERIODIC", ref("jkm.periodic", amended, true));
        ClaimCase.Component funeral = component("FUNERAL", ref("jkm.funeral", amended, true));
        ClaimCase.Component scholarship = component("SCHOLARSHIP_MAX", ref("scholarship.SD", "PP 82/2019; Permenaker 5/2021", true));
        ClaimCase death = withComponents(List.of(lumpSum, periodic, funeral, scholarship));
        List<id.lindung.regulation.Reference> shared = death.sharedLegalBasis();
        assertThat(shared).extracting(id.lindung.regulation.Reference::regulation).containsExactly(amended);
        assertThat(lumpSum.legalBasisUnlessShared(shared)).isEmpty();
        assertThat(funeral.legalBasisUnlessShared(shared)).isEmpty();
        assertThat(scholarship.legalBasisUnlessShared(shared)).extracting(id.lindung.regulation.Reference::regulation)
                .containsExactly("PP 82/2019; Permenaker 5/2021");
        // one component, or none alike: nothing is shared, each row names its own
        assertThat(withComponents(List.of(lumpSum)).sharedLegalBasis()).isEmpty();
        assertThat(withComponents(List.of(lumpSum, scholarship)).sharedLegalBasis()).isEmpty();
        // an unverified value is not the same basis as a verified one: it keeps its mark on its row
        ClaimCase.Component unverified = component("FUNERAL", ref("jkm.funeral", amended, false));
        assertThat(unverified.legalBasisUnlessShared(withComponents(List.of(lumpSum, periodic, unverified)).sharedLegalBasis()))
                .extracting(id.lindung.regulation.Reference::verified).containsExactly(false);
    }

    private static id.lindung.regulation.Reference ref(String parameter, String regulation, boolean verified) {
        return new id.lindung.regulation.Reference(parameter, regulation, null, List.of("S1"), verified, null);
    }

    private static ClaimCase.Component component(String code, id.lindung.regulation.Reference... references) {
        return new ClaimCase.Component(code, Rupiah.of(1_000_000), List.of(references));
    }

    private static ClaimCase withComponents(List<ClaimCase.Component> components) {
        return new ClaimCase(1, null, ClaimType.JKM_DEATH, null, ClaimStatus.SUBMITTED, true, List.of(), components, Rupiah.of(0),
                List.of(), List.of(), List.of(), List.of(), null, null, null, List.of(), List.of(), null, null, null, false, null,
                null, null);
    }
}
