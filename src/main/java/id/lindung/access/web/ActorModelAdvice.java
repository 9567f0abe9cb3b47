package id.lindung.access.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in, for the header and for showing only what the role may use. */
@ControllerAdvice(annotations = Controller.class)
class ActorModelAdvice {

    private final CurrentActor currentActor;

    ActorModelAdvice(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @ModelAttribute("actor")
    Actor actor() {
        return currentActor.find().orElse(null);
    }
}
