package org.casestream.routing.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.casestream.events.Queue;

/**
 * A small hand-made set of labelled case texts, written the way customers write: many avoid the words the
 * seeded rules look for, which is exactly where learning from agents' corrections must help.
 */
final class LabelledCases {

    record Labelled(String subject, String description, Queue queue) {
        CaseText text() {
            return CaseText.of(subject, description);
        }
    }

    private static final String[][] LOGIN = {
            {"Cannot get in", "It keeps saying my credentials are wrong although I typed them carefully"},
            {"Locked out", "After three attempts the site blocked me and the unlock mail never came"},
            {"Two factor code", "The authenticator code is rejected every single time"},
            {"Forgot my password", "The reset link expired before I could use it"},
            {"Sign in loop", "I enter my username and end up on the sign in page again"},
            {"Account access", "My session ends after a minute and I must authenticate again"},
            {"New phone", "I changed phones and lost the authenticator, how do I get into my account"},
            {"Username unknown", "The portal says no user exists with my email address"},
            {"Verification email", "The verification mail for my new account does not arrive"},
            {"Cannot access profile", "Credentials rejected, captcha keeps failing on the welcome screen"},
    };
    private static final String[][] ORDERS = {
            {"Change my order", "I need to change the size of the shoes I bought this morning"},
            {"Cancel purchase", "Please cancel what I bought yesterday, I ordered the wrong colour"},
            {"Wrong item in basket", "The checkout added a second jacket I did not want"},
            {"Order confirmation missing", "I placed an order but never got the confirmation"},
            {"Modify address on purchase", "Can you update the billing name on my purchase before it is processed"},
            {"Item out of stock", "My purchase says backordered, when will the item be available"},
            {"Discount code", "The voucher was not applied at checkout to my basket"},
            {"Duplicate purchase", "I clicked buy twice and now see two identical purchases in my history"},
            {"Add to existing order", "Can I add a belt to the purchase I made an hour ago"},
            {"Order history empty", "My past purchases do not show in my history"},
    };
    private static final String[][] DELIVERIES = {
            {"Where is my parcel", "The tracking page has not moved for five days"},
            {"Package not arrived", "The courier says delivered but nothing is at my door"},
            {"Late shipment", "It was promised for Monday and still has not shipped"},
            {"Damaged box", "The parcel arrived crushed and the contents are broken"},
            {"Wrong address delivery", "The driver left the package with a neighbour I do not know"},
            {"Tracking number invalid", "The carrier website does not recognise my tracking number"},
            {"Missed the courier", "Nobody was home, how do I rearrange the drop off"},
            {"Partial package", "Only one of the two boxes came, the second one is missing"},
            {"Customs hold", "My parcel is stuck at customs and the carrier wants a form"},
            {"Pickup point", "Can the driver leave it at the pickup point instead of my house"},
    };
    private static final String[][] PAYMENTS = {
            {"Card declined", "My card keeps getting declined although the bank says it is fine"},
            {"Double charge", "I see the same amount taken twice from my account statement"},
            {"Invoice needed", "Please send a VAT invoice for my company"},
            {"Payment method", "How do I switch from credit card to bank transfer"},
            {"Installments", "Can I spread the cost over three months"},
            {"Currency problem", "I was billed in dollars instead of euros"},
            {"Card expired", "My stored card expired, where do I update the details"},
            {"Unknown debit", "There is a debit from you on my statement that I do not recognise"},
            {"Payment pending", "The bank transfer shows pending for a week now"},
            {"Wrong amount taken", "The amount debited from my card is higher than the total shown"},
    };
    private static final String[][] REFUNDS = {
            {"Money back please", "I sent the jacket back two weeks ago and have not been reimbursed"},
            {"Return label", "I want to send this back, please email me a return label"},
            {"Refund status", "When will I get my money back for the returned shoes"},
            {"Reimbursement missing", "The item was returned but the reimbursement never came"},
            {"Partial reimbursement", "I only got half of what I paid back after returning both items"},
            {"Return window", "Can I still send back a gift bought two months ago"},
            {"Store credit instead", "I would prefer my money back rather than a voucher for the returned goods"},
            {"Return rejected", "You refused my returned parcel, I want my money back"},
            {"Cancelled and not reimbursed", "You cancelled my purchase but I was never paid back"},
            {"Exchange or reimburse", "The dress does not fit, send it back for reimbursement"},
    };

    private LabelledCases() {
    }

    /** Every example, with a few customer-style variations so train and test do not share exact texts. */
    static List<Labelled> all() {
        List<Labelled> all = new ArrayList<>();
        String[] openings = {"", "Hello, ", "Hi team. ", "Urgent: ", "Please help. "};
        String[] closings = {"", " Thanks.", " Regards", " This is the second time I write.", " Kind regards, a customer"};
        add(all, LOGIN, Queue.LOGIN, openings, closings);
        add(all, ORDERS, Queue.ORDERS, openings, closings);
        add(all, DELIVERIES, Queue.DELIVERIES, openings, closings);
        add(all, PAYMENTS, Queue.PAYMENTS, openings, closings);
        add(all, REFUNDS, Queue.REFUNDS, openings, closings);
        return all;
    }

    private static void add(List<Labelled> all, String[][] texts, Queue queue, String[] openings, String[] closings) {
        for (int i = 0; i < texts.length; i++) {
            for (int variant = 0; variant < 3; variant++) {
                String opening = openings[(i + variant) % openings.length];
                String closing = closings[(i * 3 + variant) % closings.length];
                all.add(new Labelled(texts[i][0], opening + texts[i][1] + closing, queue));
            }
        }
    }

    /**
     * Split by base text (not by variation), so a held-out case never has a near-copy in training: texts with
     * index 0–6 of each queue train, 7–9 are held out.
     */
    static List<Labelled> training() {
        List<Labelled> all = all();
        List<Labelled> training = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if ((i / 3) % 10 < 7) {
                training.add(all.get(i));
            }
        }
        java.util.Collections.shuffle(training, new Random(7));
        return training;
    }

    static List<Labelled> heldOut() {
        List<Labelled> all = all();
        List<Labelled> heldOut = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if ((i / 3) % 10 >= 7) {
                heldOut.add(all.get(i));
            }
        }
        return heldOut;
    }
}
